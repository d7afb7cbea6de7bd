#include "simulate/internal/inventory.h"

#include <array>

namespace uncounted::simulate::internal {
namespace {

// Common given names of North Korean women and men born c. 1950-2000, North
// Hangul forms. The list and the weights are our compilation from names
// that recur in NGO testimony collections and news reports; the weights are
// assumptions chosen so that the most common names recur as often as in
// such collections (영희 and 영철 are proverbially common).
constexpr auto kFemale = std::to_array<WeightedName>({
    {"영희", 9},   {"순희", 4},   {"옥희", 3},   {"영숙", 3},   {"정숙", 2.5}, {"명숙", 2.5},
    {"영순", 2.5}, {"순옥", 2.5}, {"영옥", 2.5}, {"금순", 2},   {"옥순", 2},   {"춘화", 2},
    {"은희", 2},   {"혜숙", 1.5}, {"미향", 1.5}, {"향미", 1},   {"은정", 1.5}, {"명희", 2},
    {"선희", 2},   {"경희", 2},   {"정희", 2},   {"순자", 1.5}, {"영자", 1.5}, {"금옥", 1.5},
    {"영애", 1.5}, {"성희", 1.5}, {"은경", 1},   {"설향", 1},   {"련화", 1.5}, {"진주", 1},
    {"금희", 2},   {"복순", 1.5}, {"분희", 1},   {"옥실", 1},   {"순실", 1},   {"은심", 1},
    {"혜경", 1},   {"정옥", 1.5}, {"춘옥", 1},   {"명옥", 1.5}, {"미란", 1},   {"은주", 1},
    {"명순", 1.5}, {"영실", 1},   {"경숙", 1.5}, {"광숙", 1},   {"성옥", 1},   {"영화", 1},
    {"정화", 1},   {"금주", 1},   {"은향", 1},   {"설희", 0.8}, {"향란", 0.8}, {"정란", 0.8},
    {"혜영", 1},   {"은실", 0.8}, {"옥련", 0.8}, {"경애", 0.8}, {"순녀", 0.6}, {"복희", 0.8},
    {"정순", 1},   {"춘희", 1},   {"영란", 1},   {"옥주", 0.6}, {"선옥", 0.8}, {"미옥", 1},
    {"은옥", 0.8}, {"금실", 0.6}, {"명화", 0.8}, {"혜련", 0.6}, {"은혜", 0.8}, {"지혜", 0.6},
    {"진옥", 0.6}, {"봉희", 0.5}, {"숙희", 0.8}, {"련희", 0.6}, {"향숙", 0.6}, {"금련", 0.5},
    {"영심", 0.5}, {"순애", 0.5},
});

constexpr auto kMale = std::to_array<WeightedName>({
    {"영철", 6},   {"영호", 3},   {"영남", 3},   {"철수", 2.5}, {"성철", 3},   {"명철", 2.5},
    {"광철", 2.5}, {"영일", 2},   {"정남", 2},   {"광혁", 2},   {"성호", 2},   {"명호", 2},
    {"철남", 1.5}, {"영수", 2},   {"정철", 2},   {"혁철", 1.5}, {"경철", 1.5}, {"룡철", 1.5},
    {"룡남", 1},   {"국철", 1.5}, {"동철", 1.5}, {"성남", 1.5}, {"광일", 1.5}, {"학철", 1.5},
    {"진혁", 1},   {"금철", 1.5}, {"명일", 1},   {"정호", 1.5}, {"영진", 1},   {"철호", 1.5},
    {"룡수", 1},   {"성일", 1.5}, {"광남", 1},   {"철민", 1},   {"영광", 1},   {"명수", 1},
    {"경남", 1},   {"춘일", 0.8}, {"덕수", 0.8}, {"창호", 1},   {"창남", 0.8}, {"봉철", 0.8},
    {"은철", 1},   {"충혁", 0.8}, {"주혁", 0.8}, {"일남", 0.8}, {"세진", 0.6}, {"기철", 0.8},
    {"문철", 0.8}, {"석철", 0.8}, {"현철", 1},   {"상철", 1},   {"승철", 0.8}, {"진철", 0.8},
    {"남철", 0.8}, {"룡일", 0.8}, {"정혁", 0.8}, {"철진", 0.6}, {"용남", 0.6}, {"덕철", 0.6},
});

constexpr auto kFemaleFirst = std::to_array<std::string_view>({
    "영", "순", "옥", "정", "명", "금", "은", "혜", "미", "선", "경",
    "춘", "련", "설", "향", "복", "분", "성", "진", "숙", "화", "란"});
constexpr auto kFemaleSecond = std::to_array<std::string_view>({
    "희", "숙", "순", "옥", "자", "애", "화", "실", "주", "향",
    "란", "련", "미", "정", "경", "심", "영", "녀", "선"});
constexpr auto kMaleFirst = std::to_array<std::string_view>({
    "영", "철", "성", "명", "광", "정", "혁", "경", "룡", "국", "동", "학", "진", "금", "춘",
    "덕", "창", "봉", "은", "충", "주", "일", "기", "문", "석", "현", "상", "승", "남", "용"});
constexpr auto kMaleSecond = std::to_array<std::string_view>({
    "철", "호", "남", "일", "수", "혁", "진", "민", "광", "길", "성", "국", "준", "범", "식", "기", "덕"});

// Hanja commonly used for each syllable in names, traditional | simplified.
constexpr auto kHanja = std::to_array<SyllableHanja>({
    {"영", "英|永|榮", "英|永|荣"}, {"희", "姬|熙|喜", "姬|熙|喜"}, {"순", "順|淳", "顺|淳"},
    {"옥", "玉", "玉"},             {"숙", "淑", "淑"},             {"정", "貞|正|晶", "贞|正|晶"},
    {"명", "明", "明"},             {"금", "金|錦|琴", "金|锦|琴"}, {"은", "銀|恩", "银|恩"},
    {"혜", "惠|慧", "惠|慧"},       {"미", "美", "美"},             {"향", "香", "香"},
    {"선", "善|仙", "善|仙"},       {"경", "京|敬|慶", "京|敬|庆"}, {"춘", "春", "春"},
    {"화", "花|華", "花|华"},       {"련", "蓮|連", "莲|连"},       {"설", "雪", "雪"},
    {"복", "福", "福"},             {"분", "粉|芬", "粉|芬"},       {"성", "成|星|性", "成|星|性"},
    {"진", "眞|珍|振", "真|珍|振"}, {"란", "蘭", "兰"},             {"애", "愛", "爱"},
    {"자", "子", "子"},             {"실", "實", "实"},             {"주", "珠|周", "珠|周"},
    {"심", "心", "心"},             {"녀", "女", "女"},             {"철", "哲|鐵", "哲|铁"},
    {"호", "浩|虎|鎬", "浩|虎|镐"}, {"남", "男|南", "男|南"},       {"일", "日|一", "日|一"},
    {"수", "秀|洙|守", "秀|洙|守"}, {"혁", "革|赫", "革|赫"},       {"광", "光|廣", "光|广"},
    {"룡", "龍", "龙"},             {"국", "國", "国"},             {"동", "東", "东"},
    {"학", "學", "学"},             {"덕", "德", "德"},             {"창", "昌", "昌"},
    {"봉", "鳳|峰", "凤|峰"},       {"충", "忠", "忠"},             {"민", "民|敏", "民|敏"},
    {"길", "吉", "吉"},             {"준", "俊", "俊"},             {"범", "範", "范"},
    {"식", "植", "植"},             {"기", "基", "基"},             {"문", "文", "文"},
    {"석", "錫|石", "锡|石"},       {"현", "賢|鉉", "贤|铉"},       {"상", "相", "相"},
    {"승", "承|勝", "承|胜"},       {"용", "勇|用", "勇|用"},       {"세", "世", "世"},
    {"지", "智|志", "智|志"},
});

struct SurnameSpellings {
  std::string_view hangul, spellings;
};
// The spellings South Koreans usually give these surnames in passports and
// English-language media (common usage, compiled by us).
constexpr auto kSouthSpellings = std::to_array<SurnameSpellings>({
    {"김", "Kim|Gim"},      {"이", "Lee|Yi|Rhee"}, {"박", "Park|Pak|Bak"}, {"최", "Choi|Choe"},
    {"정", "Jung|Jeong|Chung"}, {"강", "Kang|Gang"}, {"조", "Cho|Jo"},     {"윤", "Yoon|Yun"},
    {"장", "Jang|Chang"},   {"임", "Lim|Im|Yim"},  {"신", "Shin|Sin"},     {"유", "Yoo|Yu"},
    {"한", "Han"},          {"오", "Oh|O"},        {"전", "Jeon|Chun"},    {"서", "Seo|Suh"},
    {"권", "Kwon|Gwon"},    {"황", "Hwang"},       {"안", "Ahn|An"},       {"송", "Song"},
    {"홍", "Hong"},         {"양", "Yang"},        {"고", "Ko|Go"},        {"문", "Moon|Mun"},
    {"손", "Son|Sohn"},     {"배", "Bae"},         {"백", "Baek|Paik"},    {"허", "Heo|Hur"},
    {"노", "Noh|Roh"},      {"심", "Shim|Sim"},    {"주", "Joo|Ju"},       {"하", "Ha"},
    {"곽", "Kwak|Gwak"},    {"구", "Koo|Gu"},      {"차", "Cha"},          {"우", "Woo|Wu"},
    {"성", "Sung|Seong"},   {"진", "Jin"},         {"나", "Na|Ra"},        {"지", "Ji|Chi"},
    {"민", "Min"},          {"남", "Nam"},         {"엄", "Eom|Um"},       {"변", "Byun|Byeon"},
    {"원", "Won"},          {"채", "Chae"},        {"방", "Bang"},         {"천", "Chun|Cheon"},
    {"공", "Kong|Gong"},    {"현", "Hyun|Hyeon"},  {"여", "Yeo|Yuh"},      {"함", "Ham"},
    {"염", "Yeom|Yum"},     {"추", "Choo|Chu"},    {"석", "Seok|Suk"},     {"도", "Do|Doh"},
    {"소", "So"},           {"설", "Seol|Sul"},    {"선", "Sun|Seon"},     {"명", "Myung|Myeong"},
    {"위", "Wi|Wee"},       {"마", "Ma"},          {"길", "Gil|Kil"},      {"연", "Yeon|Yun"},
    {"표", "Pyo"},          {"기", "Ki|Gi"},       {"금", "Keum|Geum"},    {"옥", "Ok"},
    {"육", "Yuk|Yook"},     {"인", "In"},          {"맹", "Maeng"},        {"탁", "Tak"},
    {"국", "Kook|Guk"},     {"남궁", "Namgung|Namkung"}, {"황보", "Hwangbo"}, {"제갈", "Jegal"},
    {"선우", "Sunwoo|Seonu"}, {"독고", "Dokgo"},  {"사공", "Sagong"},
});

struct SurnameHanjaForm {
  std::string_view traditional, simplified;
};
constexpr auto kSurnameSimplified = std::to_array<SurnameHanjaForm>({
    {"鄭", "郑"}, {"趙", "赵"}, {"張", "张"}, {"韓", "韩"}, {"吳", "吴"}, {"權", "权"},
    {"黃", "黄"}, {"孫", "孙"}, {"裵", "裴"}, {"許", "许"}, {"盧", "卢"}, {"車", "车"},
    {"陳", "陈"}, {"羅", "罗"}, {"閔", "闵"}, {"嚴", "严"}, {"呂", "吕"}, {"蘇", "苏"},
    {"馬", "马"}, {"陸", "陆"}, {"南宮", "南宫"}, {"諸葛", "诸葛"}, {"鮮于", "鲜于"},
    {"獨孤", "独孤"}, {"魏", "魏"}, {"鞠", "鞠"}, {"廉", "廉"},
});

struct PinyinOverride {
  std::string_view traditional, pinyin;
};
// Surname readings of polyphonic characters (Unihan lists another first).
constexpr auto kPinyinOverrides = std::to_array<PinyinOverride>({
    {"朴", "piáo"}, {"車", "chē"}, {"沈", "shěn"}, {"單", "shàn"}, {"葛", "gě"}, {"任", "rén"},
});

// Chinese places where North Koreans are arrested: Yanbian (Yanji, Tumen,
// Longjing, Helong, Hunchun, ...), the Yalu towns, and inland cities. The
// weights are assumptions reflecting where NGO reports place most arrests.
constexpr auto kTowns = std::to_array<ChineseTown>({
    {"Yanji", "延吉", "연길", "연길", 3},       {"Tumen", "图们", "도문", "도문", 2},
    {"Longjing", "龙井", "룡정", "용정", 2},    {"Helong", "和龙", "화룡", "화룡", 1.5},
    {"Hunchun", "珲春", "훈춘", "훈춘", 1.5},   {"Dandong", "丹东", "단동", "단동", 2},
    {"Changbai", "长白", "장백", "장백", 1},    {"Shenyang", "沈阳", "심양", "심양", 1.5},
    {"Changchun", "长春", "장춘", "장춘", 0.8}, {"Wangqing", "汪清", "왕청", "왕청", 0.8},
    {"Antu", "安图", "안도", "안도", 0.8},      {"Dunhua", "敦化", "돈화", "돈화", 0.5},
    {"Tonghua", "通化", "통화", "통화", 0.5},   {"Jian", "集安", "집안", "집안", 0.5},
    {"Linjiang", "临江", "림강", "임강", 0.5},  {"Sanhe", "三合", "삼합", "삼합", 0.3},
    {"Nanping", "南坪", "남평", "남평", 0.3},
});

constexpr auto kHandover = std::to_array<HandoverPoint>({
    {"Tumen", "남양", "南阳"},     {"Sanhe", "회령시", "会宁"},  {"Nanping", "무산군", "茂山"},
    {"Quanhe", "라선시", ""},      {"Changbai", "혜산시", "惠山"}, {"Dandong", "신의주시", "新义州"},
    {"Jian", "만포시", "满浦"},    {"Kaishantun", "온성군", "稳城"},
});

// Route weights per province (assumptions: people are returned across the
// river nearest to where they crossed, which is near their home).
constexpr auto kRouteNorthHamgyong = std::to_array<double>({0.45, 0.2, 0.12, 0.08, 0.0, 0.0, 0.0, 0.15});
constexpr auto kRouteRyanggang = std::to_array<double>({0.05, 0.0, 0.1, 0.0, 0.85, 0.0, 0.0, 0.0});
constexpr auto kRouteWest = std::to_array<double>({0.0, 0.0, 0.0, 0.0, 0.0, 0.7, 0.3, 0.0});
constexpr auto kRouteOther = std::to_array<double>({0.45, 0.05, 0.05, 0.0, 0.1, 0.35, 0.0, 0.0});

// Shares by province: an assumption shaped by the Ministry of Unification's
// statistics on arrivals in South Korea, where North Hamgyong and Ryanggang
// together account for roughly three quarters of arrivals.
constexpr auto kProvinces = std::to_array<ProvinceWeight>({
    {"함경북도", 0.55},  {"량강도", 0.18},   {"함경남도", 0.09},   {"평안북도", 0.04},
    {"자강도", 0.03},    {"평안남도", 0.03}, {"평양직할시", 0.03}, {"강원도", 0.02},
    {"황해북도", 0.015}, {"황해남도", 0.015}, {"남포특별시", 0.01},
});

constexpr auto kBorderCounties = std::to_array<std::string_view>({
    "회령시", "무산군", "온성군", "경원군", "경흥군", "라선시", "청진시", "혜산시",
    "삼지연시", "김형직군", "김정숙군", "대홍단군", "보천군", "삼수군", "신의주시", "만포시",
    "중강군", "자성군", "위원군", "초산군", "벽동군", "창성군", "삭주군", "의주군"});

struct PlaceHanzi {
  std::string_view hangul, hanzi;
};
constexpr auto kDprkHanzi = std::to_array<PlaceHanzi>({
    {"회령시", "会宁"}, {"혜산시", "惠山"}, {"신의주시", "新义州"}, {"무산군", "茂山"},
    {"온성군", "稳城"}, {"만포시", "满浦"}, {"삼수군", "三水"},     {"청진시", "清津"},
    {"량강도", "两江道"}, {"함경북도", "咸镜北道"},
});

// Yearly arrivals of North Koreans in South Korea (Ministry of Unification,
// as widely reported; approximate), used only as the shape of the flow
// across the border. 2023 includes the mass repatriation of October 2023
// (about 500-600 people according to NGO reports).
struct YearWeight {
  int year;
  double weight;
};
constexpr auto kYears = std::to_array<YearWeight>({
    {1999, 148},  {2000, 312},  {2001, 583},  {2002, 1139}, {2003, 1281},
    {2004, 1894}, {2005, 1383}, {2006, 2018}, {2007, 2544}, {2008, 2809},
    {2009, 2914}, {2010, 2402}, {2011, 2706}, {2012, 1502}, {2013, 1514},
    {2014, 1397}, {2015, 1275}, {2016, 1418}, {2017, 1127}, {2018, 1137},
    {2019, 1047}, {2020, 229},  {2021, 63},   {2022, 67},   {2023, 800},
});

}  // namespace

std::span<const WeightedName> common_female_names() { return kFemale; }
std::span<const WeightedName> common_male_names() { return kMale; }
std::span<const std::string_view> female_first_syllables() { return kFemaleFirst; }
std::span<const std::string_view> female_second_syllables() { return kFemaleSecond; }
std::span<const std::string_view> male_first_syllables() { return kMaleFirst; }
std::span<const std::string_view> male_second_syllables() { return kMaleSecond; }

const SyllableHanja* syllable_hanja(std::string_view syllable) {
  for (const auto& h : kHanja)
    if (h.hangul == syllable) return &h;
  return nullptr;
}
std::span<const SyllableHanja> all_syllable_hanja() { return kHanja; }

std::string_view south_surname_spellings(std::string_view hangul_south) {
  for (const auto& s : kSouthSpellings)
    if (s.hangul == hangul_south) return s.spellings;
  return {};
}

std::string_view simplified_surname_hanja(std::string_view traditional) {
  for (const auto& s : kSurnameSimplified)
    if (s.traditional == traditional) return s.simplified;
  return traditional;
}

std::string_view surname_pinyin_override(std::string_view traditional) {
  for (const auto& o : kPinyinOverrides)
    if (o.traditional == traditional) return o.pinyin;
  return {};
}

std::span<const ChineseTown> chinese_towns() { return kTowns; }
std::span<const HandoverPoint> handover_points() { return kHandover; }

std::span<const double> handover_weights(std::string_view province) {
  if (province == "함경북도") return kRouteNorthHamgyong;
  if (province == "량강도") return kRouteRyanggang;
  if (province == "평안북도" || province == "자강도" || province == "평안남도" ||
      province == "평양직할시" || province == "남포특별시" || province == "황해북도" ||
      province == "황해남도")
    return kRouteWest;
  return kRouteOther;
}

std::span<const ProvinceWeight> province_weights() { return kProvinces; }

bool is_border_county(std::string_view hangul) {
  for (auto c : kBorderCounties)
    if (c == hangul) return true;
  return false;
}

std::string_view dprk_place_hanzi(std::string_view hangul) {
  for (const auto& p : kDprkHanzi)
    if (p.hangul == hangul) return p.hanzi;
  return {};
}

double year_weight(int year) {
  for (const auto& y : kYears)
    if (y.year == year) return y.weight;
  return year < kYears.front().year ? 1000.0 : 100.0;  // assumption outside the table
}

}  // namespace uncounted::simulate::internal
