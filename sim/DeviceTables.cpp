#include "DeviceTables.h"

namespace relaydesk::sim::tables {
namespace {

constexpr Weighted kChinaCarriers[] = {{"China Mobile", 55}, {"China Unicom", 25}, {"China Telecom", 20}};
constexpr Weighted kApacCarriers[] = {{"Singtel", 30}, {"StarHub", 20}, {"M1", 10}, {"Telkomsel", 20},
                                      {"Maxis", 10}, {"AIS", 10}};
constexpr Weighted kEuCarriers[] = {{"Vodafone", 35}, {"O2", 20}, {"EE", 20}, {"Orange", 15}, {"Three", 10}};
constexpr Weighted kUsCarriers[] = {{"T-Mobile", 40}, {"Verizon", 35}, {"AT&T", 25}};

constexpr Weighted kChinaLocales[] = {{"en", 1}};
constexpr Weighted kApacLocales[] = {{"en", 50}, {"en_SG", 20}, {"ms_MY", 15}, {"id_ID", 15}};
constexpr Weighted kEuLocales[] = {{"en_GB", 45}, {"en", 15}, {"de_DE", 15}, {"fr_FR", 15}, {"es_ES", 10}};
constexpr Weighted kUsLocales[] = {{"en_US", 75}, {"en", 15}, {"es_US", 10}};

constexpr RegionInfo kRegions[] = {
    {"cn-north", 28, 480, 96, kChinaCarriers, kChinaLocales},
    {"cn-east", 27, 480, 96, kChinaCarriers, kChinaLocales},
    {"ap-southeast", 15, 480, 40, kApacCarriers, kApacLocales},
    {"eu-west", 15, 0, 8, kEuCarriers, kEuLocales},
    {"us-east", 15, -300, 7, kUsCarriers, kUsLocales},
};

constexpr Weighted kAndroidOs[] = {{"14", 35}, {"13", 30}, {"12", 18}, {"11", 10}, {"10", 7}};
constexpr Weighted kAndroidModels[] = {{"Pixel 7", 12}, {"Pixel 8 Pro", 8}, {"SM-S911B", 14}, {"SM-A546B", 16},
                                       {"SM-G991B", 8}, {"moto g84 5G", 6}, {"OnePlus 11", 6},
                                       {"Redmi Note 12", 10}, {"Nokia G42", 3}, {"CPH2451", 5}};
constexpr Weighted kChinaAndroidModels[] = {{"HUAWEI P60", 14}, {"HONOR 90", 12}, {"Xiaomi 13", 14},
                                            {"Redmi K60", 10}, {"OPPO Reno10", 12}, {"vivo X90", 12},
                                            {"OnePlus Ace 2", 6}, {"Redmi Note 12", 12}, {"SM-S9110", 4},
                                            {"PHB110", 4}};
constexpr Weighted kMobileApp[] = {{"8.4.1", 42}, {"8.4.0", 14}, {"8.3.2", 28}, {"8.2.0", 10}, {"7.9.5", 6}};

constexpr Weighted kIosOs[] = {{"17.4", 30}, {"17.3.1", 25}, {"17.2.1", 12}, {"16.7.5", 20}, {"15.8", 8},
                               {"17.5 beta 2", 1}};
constexpr Weighted kIosModels[] = {{"iPhone15,2", 14}, {"iPhone15,3", 10}, {"iPhone16,1", 12},
                                   {"iPhone16,2", 10}, {"iPhone14,5", 18}, {"iPhone14,7", 12},
                                   {"iPhone13,2", 14}, {"iPhone12,1", 10}};

constexpr Weighted kMacOs[] = {{"14.4", 35}, {"14.3.1", 20}, {"13.6.4", 30}, {"12.7.3", 15}};
constexpr Weighted kMacModels[] = {{"MacBookAir10,1", 30}, {"Mac14,2", 25}, {"MacBookPro18,3", 20},
                                   {"Mac15,3", 15}, {"iMac21,1", 10}};
constexpr Weighted kDesktopApp[] = {{"3.12.0", 45}, {"3.11.4", 30}, {"3.10.1", 17}, {"3.8.2", 8}};

constexpr Weighted kWindowsOs[] = {{"10.0.22631", 45}, {"10.0.22621", 15}, {"10.0.19045", 40}};
constexpr Weighted kWindowsModels[] = {{"Dell XPS 13 9310", 15}, {"ThinkPad X1 Carbon Gen 11", 20},
                                       {"HP EliteBook 840 G8", 20}, {"Surface Laptop 5", 10},
                                       {"Lenovo Legion 5", 10}, {"ASUS VivoBook 15", 15}, {"", 10}};
constexpr Weighted kLinuxOs[] = {{"Ubuntu 22.04", 45}, {"Ubuntu 24.04", 15}, {"Debian 12", 15},
                                 {"Fedora 39", 15}, {"Arch Linux", 10}};
constexpr Weighted kLinuxModels[] = {{"ThinkPad T14 Gen 3", 30}, {"Framework Laptop 13", 20}, {"", 50}};
constexpr Weighted kWebOs[] = {{"Chrome 122 / Windows 10", 30}, {"Chrome 123 / macOS 14.4", 20},
                               {"Edge 122 / Windows 11", 15}, {"Safari 17.3 / macOS 14.3", 15},
                               {"Firefox 124 / Ubuntu", 10}, {"Chrome 121 / ChromeOS", 10}};
constexpr Weighted kWebModels[] = {{"", 1}};
constexpr Weighted kWebApp[] = {{"2024.03.2", 50}, {"2024.03.1", 30}, {"2024.02.4", 15}, {"2023.11.0", 5}};

constexpr PlatformInfo kPlatforms[] = {
    {Platform::Android, 55, kAndroidOs, kAndroidModels, kChinaAndroidModels, kMobileApp},
    {Platform::Ios, 25, kIosOs, kIosModels, {}, kMobileApp},
    {Platform::Web, 7, kWebOs, kWebModels, {}, kWebApp},
    {Platform::Windows, 7, kWindowsOs, kWindowsModels, {}, kDesktopApp},
    {Platform::Macos, 4, kMacOs, kMacModels, {}, kDesktopApp},
    {Platform::Linux, 2, kLinuxOs, kLinuxModels, {}, kDesktopApp},
};

constexpr const char *kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
                                     "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"};
constexpr const char *kGiven[] = {"芳", "伟", "敏", "洋", "静", "磊", "丽", "强", "杰", "霞", "明",
                                  "悦", "超", "婷", "军", "晶", "思雨", "子涵", "浩然", "欣怡", "雨桐",
                                  "宇轩", "梓萱", "俊杰", "嘉怡", "志强", "秀英", "建华"};
constexpr const char *kFirst[] = {"Emma", "Liam", "Olivia", "Noah", "Ava", "James", "Sophia", "Lucas",
                                  "Mia", "Ethan", "Amelia", "Oliver", "Chloe", "Daniel", "Grace", "Samuel",
                                  "Hannah", "Ravi", "Aisha", "Mateo", "Nurul", "Wei Ling", "Jonas", "Lea"};
constexpr const char *kLast[] = {"Clarke", "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Martin",
                                 "Tan", "Lim", "Ng", "Müller", "Dubois", "García", "Okafor", "Patel",
                                 "Kowalski", "Rossi", "O'Brien", "Nguyen", "Santos"};

} // namespace

std::span<const RegionInfo> regions() { return kRegions; }
std::span<const PlatformInfo> platforms() { return kPlatforms; }
std::span<const char *const> chineseSurnames() { return kSurnames; }
std::span<const char *const> chineseGivenNames() { return kGiven; }
std::span<const char *const> englishFirstNames() { return kFirst; }
std::span<const char *const> englishLastNames() { return kLast; }

} // namespace relaydesk::sim::tables
