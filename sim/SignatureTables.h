#pragma once

#include "SignatureFamily.h"

#include <span>

// The signature catalogue: every failure family the simulator produces, split by cause class.
namespace relaydesk::sim::tables {

std::span<const SignatureFamily> networkFamilies();
std::span<const SignatureFamily> serverFamilies();
std::span<const SignatureFamily> clientFamilies();
std::span<const SignatureFamily> policyFamilies();
std::span<const SignatureFamily> userFamilies();
std::span<const SignatureFamily> familiesOf(Cause cause);

// How often each cause class occurs among reports, in percent (DOMAIN.md proportions).
int causePercent(Cause cause);

} // namespace relaydesk::sim::tables
