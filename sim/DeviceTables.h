#pragma once

#include "core/Enums.h"

#include <span>

// Data tables for the device population: what real IM users run, where, on which network.
namespace relaydesk::sim::tables {

struct Weighted
{
    const char *value;
    int weight;
};

struct RegionInfo
{
    const char *name;
    int weight;
    int utcOffsetMinutes; // device clocks in the region (no DST: the simulator keeps it simple)
    int chinesePercent;   // share of users with a Chinese locale
    std::span<const Weighted> carriers;
    std::span<const Weighted> otherLocales;
};

struct PlatformInfo
{
    Platform platform;
    int weight;
    std::span<const Weighted> osVersions;
    std::span<const Weighted> models;      // worldwide
    std::span<const Weighted> chinaModels; // what users in cn-* regions buy (empty: same as models)
    std::span<const Weighted> appVersions; // the last one is the old, failure-prone build
};

std::span<const RegionInfo> regions();
std::span<const PlatformInfo> platforms();
std::span<const char *const> chineseSurnames();
std::span<const char *const> chineseGivenNames();
std::span<const char *const> englishFirstNames();
std::span<const char *const> englishLastNames();

} // namespace relaydesk::sim::tables
