#include "DevicePopulation.h"

#include "DeviceTables.h"
#include "SimRandom.h"

#include <QVarLengthArray>

namespace relaydesk::sim {

using namespace Qt::StringLiterals;

namespace {

const char *pickWeighted(SimRandom &random, std::span<const tables::Weighted> items)
{
    QVarLengthArray<int, 16> weights;
    for (const auto &item : items)
        weights.append(item.weight);
    return items[std::size_t(random.weighted(std::span<const int>(weights.constData(), std::size_t(weights.size()))))]
        .value;
}

template <typename T> qsizetype pickIndex(SimRandom &random, std::span<const T> items)
{
    QVarLengthArray<int, 16> weights;
    for (const auto &item : items)
        weights.append(item.weight);
    return random.weighted(std::span<const int>(weights.constData(), std::size_t(weights.size())));
}

NetworkType usualNetwork(SimRandom &random, Platform platform)
{
    const bool mobile = platform == Platform::Android || platform == Platform::Ios;
    if (mobile)
        return random.chance(0.55) ? NetworkType::Wifi : NetworkType::Cellular;
    return random.chance(0.55) ? NetworkType::Wifi : NetworkType::Ethernet;
}

} // namespace

DevicePopulation::DevicePopulation(SimRandom &random, int size)
{
    m_devices.reserve(qMax(size, 1));
    for (int i = 0; i < qMax(size, 1); ++i)
        m_devices.append(makeDevice(random, i));
}

SimDevice DevicePopulation::makeDevice(SimRandom &random, int index) const
{
    SimDevice d;
    d.index = index;
    const auto &region = tables::regions()[std::size_t(pickIndex(random, tables::regions()))];
    d.region = QString::fromLatin1(region.name);
    d.utcOffsetMinutes = region.utcOffsetMinutes;
    d.chinese = random.between(1, 100) <= region.chinesePercent;
    const bool inChina = d.region.startsWith("cn-"_L1);

    const auto &platform = tables::platforms()[std::size_t(pickIndex(random, tables::platforms()))];
    d.device.platform = platform.platform;
    d.device.osVersion = QString::fromUtf8(pickWeighted(random, platform.osVersions));
    const auto models = inChina && !platform.chinaModels.empty() ? platform.chinaModels : platform.models;
    d.device.model = QString::fromUtf8(pickWeighted(random, models));
    const char *app = pickWeighted(random, platform.appVersions);
    d.device.appVersion = QString::fromLatin1(app);
    d.oldBuild = app == platform.appVersions.back().value;
    d.device.network = usualNetwork(random, d.device.platform);
    d.device.carrier = QString::fromUtf8(pickWeighted(random, region.carriers));

    d.user.id = u"u-%1"_s.arg(100000 + int(random.next32() % 900000U));
    if (d.chinese) {
        d.user.displayName = QString::fromUtf8(random.pick(tables::chineseSurnames()))
                             + QString::fromUtf8(random.pick(tables::chineseGivenNames()));
        d.user.locale = QLatin1StringView(region.name) == "ap-southeast"_L1 && random.chance(0.3) ? u"zh_SG"_s : u"zh_CN"_s;
    } else {
        d.user.displayName = QString::fromUtf8(random.pick(tables::englishFirstNames())) + QLatin1Char(' ')
                             + QString::fromUtf8(random.pick(tables::englishLastNames()));
        d.user.locale = QString::fromLatin1(pickWeighted(random, region.otherLocales));
    }
    if (random.chance(0.08))
        d.user.displayName.clear(); // not every client sends a display name
    d.appPid = random.between(9000, 32000);
    return d;
}

const SimDevice &DevicePopulation::pick(SimRandom &random) const
{
    return m_devices.at(random.between(0, int(m_devices.size()) - 1));
}

const SimDevice &DevicePopulation::pickWhere(SimRandom &random,
                                             const std::function<bool(const SimDevice &)> &accept) const
{
    for (int attempt = 0; attempt < 64; ++attempt) {
        const SimDevice &d = pick(random);
        if (accept(d))
            return d;
    }
    return pick(random);
}

} // namespace relaydesk::sim
