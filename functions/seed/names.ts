/**
 * Word lists for demo data that reads like Fujian: surnames by their frequency in the province (陈 and 林
 * lead), given-name characters common for each sex, shop names (字号) and street names. Invented people
 * and companies only — any likeness to a real one is chance.
 */
import { chance, pick, weighted, type Rng } from './rng';

const SURNAMES: readonly (readonly [string, number])[] = [
  ['陈', 11],
  ['林', 10],
  ['黄', 6],
  ['张', 4],
  ['吴', 4],
  ['王', 3],
  ['李', 3],
  ['郑', 3],
  ['刘', 3],
  ['杨', 2],
  ['许', 2],
  ['蔡', 2],
  ['谢', 2],
  ['洪', 1.5],
  ['郭', 1.5],
  ['邱', 1],
  ['曾', 1],
  ['廖', 1],
  ['赖', 1],
  ['徐', 1],
  ['周', 1],
  ['庄', 1],
  ['叶', 1],
  ['苏', 1],
  ['江', 1],
  ['方', 1],
  ['何', 1],
  ['卢', 1],
  ['游', 0.5],
  ['詹', 0.5],
  ['罗', 0.5],
  ['朱', 0.5],
  ['高', 0.5],
  ['余', 0.5],
  ['柯', 0.5],
  ['魏', 0.5],
  ['施', 0.5],
  ['潘', 0.5],
  ['彭', 0.5],
  ['池', 0.5],
  ['傅', 0.5],
  ['翁', 0.5],
  ['颜', 0.3],
  ['欧阳', 0.2],
];

const MALE_GIVEN = [...'建国明华伟志文强军斌辉峰平勇杰俊龙鹏东海荣福金水清财德忠良生春永宏兴昌振祥'];
const FEMALE_GIVEN = [...'丽芳秀英玲燕娟霞梅红琴慧婷雪萍静美珍莉凤华月兰婉雅琳晶颖佳'];

export function personName(rng: Rng, gender: 'male' | 'female'): string {
  const chars = gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN;
  const first = pick(rng, chars);
  let second = chance(rng, 0.75) ? pick(rng, chars) : '';
  if (second === first) second = ''; // 秀秀-style doubled names exist, but are rare
  const given = first + second;
  return weighted(rng, SURNAMES) + given;
}

/** 字号: the distinctive part of a company name. */
export const BRANDS = [
  ...['安达', '鑫源', '华兴', '恒泰', '永盛', '闽发', '海峡', '宏达', '联合', '金辉', '嘉禾', '瑞丰', '鼎盛'],
  ...['东南', '兴业', '凯达', '天和', '盛世', '隆泰', '合力', '新宇', '中天', '远航', '安泰', '正大', '利民'],
  ...['福源', '华峰', '德胜', '丰华', '万通', '宏源', '泰丰', '长兴', '腾飞', '鸿运', '顺达', '荣盛', '旭日'],
  ...['闽星', '泰和', '恒通', '宏信', '诚信', '祥和', '昌盛', '立达', '汇丰', '聚源', '三友', '佳宝', '宝盛'],
  ...['金石', '众诚', '鑫达', '嘉信', '建新', '鹏程', '海联', '闽通', '新鸿', '永泰隆', '青山', '绿源', '力拓'],
];

export const STREETS = [
  ...['工业路', '江滨路', '建设路', '解放路', '人民路', '五一路', '湖东路', '滨海大道', '金山路', '中山路'],
  ...['东大路', '北环路', '南环路', '城西路', '八一路', '胜利街', '新华路', '和平路', '府前路', '站前路'],
  ...['长安路', '振兴路', '开发大道', '海西大道', '创业路', '园区路', '华侨路', '沿江路', '环城路', '西湖路'],
];

export function streetAddress(rng: Rng): string {
  return `${pick(rng, STREETS)}${1 + Math.floor(rng() * 388)}号`;
}
