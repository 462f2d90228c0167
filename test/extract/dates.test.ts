import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dateReference, findDates, type DateReference } from '../../src/stages/extract/dates.js';
import { codePointSlice } from '../../src/core/text.js';
import { goldDates, pagePublicationDates } from '../eval/dates.js';
import { FIXTURES } from '../helpers.js';

/** Seed 001's publication time, a Sunday. */
const PUBLISHED: DateReference = { iso: '2024-02-04T17:51', explicit: true };
/** The same date when it is only "today": year-less dates stay year-less. */
const TODAY: DateReference = { iso: '2024-02-04', explicit: false };

function pairs(text: string, reference: DateReference = PUBLISHED): [string, string][] {
  return findDates(text, reference).map((e) => [e.text, e.value!]);
}

function valueOf(text: string, reference: DateReference = PUBLISHED): string | undefined {
  const found = findDates(text, reference);
  expect(found, `${text}: ${JSON.stringify(found)}`).toHaveLength(1);
  return found[0]!.value;
}

describe('findDates on the seed and web-extraction pages', () => {
  it('finds every gold date with its exact value', () => {
    const results = goldDates();
    expect(results.length).toBeGreaterThanOrEqual(8);
    for (const r of results) expect(r.got, `${r.id} ${r.text}`).toBe(r.expected);
  });

  it('finds the gold publication date of every dated web-extraction page in its raw text', { timeout: 60_000 }, () => {
    const pages = pagePublicationDates();
    expect(pages.length).toBe(55);
    for (const p of pages) expect(p.found, `${p.page} ${p.expected}`).toBe(true);
  });

  it('reads the dates of seed 001 as published (2024-02-04T17:51)', () => {
    const text = readFileSync(path.join(FIXTURES, 'seeds', '001_d49f3538b7269fd6.txt'), 'utf8');
    const found = pairs(text);
    expect(found[0]).toEqual(['2024-02-04 17:51', '2024-02-04T17:51']);
    expect(found).toContainEqual(['1月31日', '2024-01-31']);
    expect(found).toContainEqual(['12月26日', '2023-12-26']);
    expect(found).toContainEqual(['2023年11月5日', '2023-11-05']);
    expect(found).toContainEqual(['去年以来', '2023/2024-02-04']);
  });

  it('reads a crawler timestamp with the hour written against the day (seed 000)', () => {
    const text = readFileSync(path.join(FIXTURES, 'seeds', '000_cfdd23cfb2e4ea40.txt'), 'utf8');
    expect(pairs(text, { iso: '2023-01-28T11:22', explicit: true }).slice(0, 2)).toEqual([
      ['2023-01-27', '2023-01-27'],
      ['2023-01-2811:22', '2023-01-28T11:22'],
    ]);
  });

  it('keeps counts, lists and slogans of seed 003 out', () => {
    const text = readFileSync(path.join(FIXTURES, 'seeds', '003_6278776c4837406b.txt'), 'utf8');
    const found = pairs(text, { iso: '2024-11-11T09:50', explicit: true });
    expect(found).toEqual([
      ['2024-11-11 09:50', '2024-11-11T09:50'],
      ['11月7日至8日', '2024-11-07/2024-11-08'],
      ['2021年', '2021'],
      ['2035年', '2035'],
    ]);
  });
});

describe('the reference', () => {
  it('is metadata.published, else --ref, else today, the first that is an ISO date', () => {
    const now = new Date(2024, 1, 4, 9, 0);
    expect(dateReference('2023-01-28T11:22', '2020-01-01', now)).toEqual({ iso: '2023-01-28T11:22', explicit: true });
    expect(dateReference(undefined, '2020-01-01', now)).toEqual({ iso: '2020-01-01', explicit: true });
    expect(dateReference('昨天', undefined, now)).toEqual({ iso: '2024-02-04', explicit: false });
    expect(dateReference(null, undefined, now)).toEqual({ iso: '2024-02-04', explicit: false });
  });
});

describe('absolute dates and times', () => {
  it.each([
    ['2023-01-27', '2023-01-27'],
    ['2023年1月27日', '2023-01-27'],
    ['二〇二三年一月', '2023-01'],
    ['二零一五年三月三號', '2015-03-03'],
    ['两千零四年八月十五', '2004-08-15'],
    ['2023-01-2811:22', '2023-01-28T11:22'],
    ['2023-03-01 01:22:36.720108', '2023-03-01T01:22:36'],
    ['2019.9.6', '2019-09-06'],
    ['2021-05', '2021-05'],
    ['2021年', '2021'],
    ['1980年代', '1980/1989'],
    ['上世纪80年代', '1980/1989'],
    ['十八世纪', '1700/1799'],
    ['15年3月2日', '2015-03-02'],
    ['98年4月', '1998-04'],
    ['3/3/2015', '2015-03-03'],
    ['2004年10月15日10时43分', '2004-10-15T10:43'],
    ['1967年4月23日凌晨3：35', '1967-04-23T03:35'],
    ['2019年6月28日下午3:00', '2019-06-28T15:00'],
    ['7月4日晚上7点09分18秒', '2024-07-04T19:09:18'],
  ])('%s -> %s', (text, value) => {
    expect(valueOf(text)).toBe(value);
  });

  it('places year-less dates in the twelve months that begin five months before the explicit reference', () => {
    expect(valueOf('1月31日')).toBe('2024-01-31');
    // a December date in an article of 3 January is the December just past
    expect(valueOf('12月28日', { iso: '2024-01-03', explicit: true })).toBe('2023-12-28');
    expect(valueOf('1月5日', { iso: '2023-12-28', explicit: true })).toBe('2024-01-05');
    expect(valueOf('6·30', { iso: '2021-06-14T01:06:40', explicit: true })).toBe('2021-06-30');
    // up to seven months ahead (JioNLP's 9月30日 at 2008-03-13), more than five back is ahead
    expect(valueOf('9月30日', { iso: '2008-03-13', explicit: true })).toBe('2008-09-30');
    expect(valueOf('10月15日', { iso: '2024-03-01', explicit: true })).toBe('2023-10-15');
    expect(valueOf('1月10日', { iso: '2024-05-15', explicit: true })).toBe('2024-01-10');
  });

  it('places year-less dates after a date whose year is written around that date', () => {
    expect(pairs('2019年12月20日，会议开幕。1月5日，代表返回。')).toEqual([
      ['2019年12月20日', '2019-12-20'],
      ['1月5日', '2020-01-05'],
    ]);
    expect(pairs('2004年中秋节前，眼看山庄难以维持。11月4日，他再次回家。')).toContainEqual(['11月4日', '2004-11-04']);
    // the publication line itself sets the window of what follows
    expect(pairs('2024-02-04 17:51\n12月26日，北京大学第三医院与')).toContainEqual(['12月26日', '2023-12-26']);
    // a year alone or a relative year sets nothing: 2035年建成 is a goal
    expect(pairs('锚定2035年建成科技强国。1月31日，签约')).toContainEqual(['1月31日', '2024-01-31']);
    expect(pairs('2019年5月1日，开幕。', TODAY)).toEqual([['2019年5月1日', '2019-05-01']]);
    expect(pairs('2022年7月1日，签约。7月26日下午,北京工业大学', TODAY)).toContainEqual(['7月26日', '2022-07-26']);
  });

  it('leaves year-less dates year-less without an explicit reference', () => {
    expect(valueOf('7月26日', TODAY)).toBe('--07-26');
    expect(valueOf('3月', TODAY)).toBe('--03');
    expect(valueOf('28日', TODAY)).toBe('---28');
    expect(valueOf('国庆', TODAY)).toBe('--10-01');
  });

  it('reads a bare day in the month that begins 5/12 of a month before the reference', () => {
    expect(valueOf('28日，记者获悉', PUBLISHED)).toBe('2024-01-28');
    expect(valueOf('记者3日从市政府获悉', PUBLISHED)).toBe('2024-02-03');
    expect(valueOf('30日', { iso: '2021-06-14T01:06:40', explicit: true })).toBe('2021-06-30');
  });

  it('reads a bare year alone on its line, with 年, or written digit by digit in Chinese', () => {
    expect(valueOf('2018')).toBe('2018');
    expect(pairs('活跃年代\n2018\n经纪公司')).toEqual([['2018', '2018']]);
    expect(valueOf('24年', { iso: '2021-06-14', explicit: true })).toBe('2024');
    expect(valueOf('三三年', { iso: '2021-06-14', explicit: true })).toBe('1933');
    expect(pairs('在八一年，针对着一些人')).toEqual([['八一年', '1981']]);
    // neighbouring digits are "three or four": a count, or a span of years ago
    expect(pairs('中国学生三四年就够了')).toEqual([]);
    expect(valueOf('三四年前', { iso: '2021-06-14', explicit: true })).toBe('2017/2018');
  });

  it('takes a weekday beside a date as part of it, the date giving the value', () => {
    expect(pairs('2月25日（周六）上午')).toEqual([['2月25日（周六）', '2024-02-25']]);
    expect(pairs('周五（2月23日）报道')).toEqual([['周五（2月23日）', '2024-02-23']]);
    expect(pairs('周日, 二月十号')).toEqual([['周日, 二月十号', '2024-02-10']]);
  });

  it('uses the code points of the text for offsets', () => {
    const text = '𠀀𠀁据悉1月31日，签约';
    const [entity] = findDates(text, PUBLISHED);
    expect(entity).toMatchObject({ start: 4, end: 9, text: '1月31日', value: '2024-01-31' });
    expect(codePointSlice(text, entity!.start, entity!.end)).toBe(entity!.text);
  });
});

describe('times of day', () => {
  it('puts a clock time alone on the explicit reference date, else writes the time only', () => {
    expect(valueOf('17:51')).toBe('2024-02-04T17:51');
    expect(valueOf('17:51', TODAY)).toBe('T17:51');
    expect(valueOf('下午3点', TODAY)).toBe('T15:00');
  });

  it('keeps the date for a part of the day after a calendar date, leaving the part out of the span', () => {
    expect(pairs('7月26日下午,北京工业大学', TODAY)).toEqual([['7月26日', '--07-26']]);
    expect(pairs('1月8日下午,南京医科大学')).toEqual([['1月8日', '2024-01-08']]);
    expect(pairs('情人节晚上')).toEqual([['情人节', '2024-02-14']]);
  });

  it('gives a part of the day its hours after a weekday or a relative day, or alone', () => {
    const ref = { iso: '2021-06-14T01:06:40', explicit: true };
    expect(valueOf('周二早上', ref)).toBe('2021-06-15T06:00/2021-06-15T09:00');
    expect(valueOf('第三天上午', ref)).toBe('2021-06-16T07:00/2021-06-16T11:00');
    expect(valueOf('当日午夜', ref)).toBe('2021-06-14T00:00');
    expect(valueOf('昨天下午', ref)).toBe('2021-06-13T13:00/2021-06-13T17:00');
    expect(valueOf('今晚', ref)).toBe('2021-06-14T18:00/2021-06-14T23:00');
    expect(valueOf('白天', ref)).toBe('2021-06-14T06:00/2021-06-14T18:00');
    expect(valueOf('午后，雷阵雨', ref)).toBe('2021-06-14T13:00/2021-06-14T14:00');
    expect(valueOf('夜间至次日上午', ref)).toBe('2021-06-14T20:00/2021-06-15T11:00');
    // alone, the day of the last date mentioned
    expect(pairs('2019年5月1日，开幕。下午，分组讨论。')).toContainEqual(['下午', '2019-05-01T13:00/2019-05-01T17:00']);
    // not inside words or right after a date (晚上好, 2月25日 上午)
    expect(pairs('晚上好')).toEqual([]);
    expect(pairs('下午茶')).toEqual([]);
    expect(pairs('2月25日 上午')).toEqual([['2月25日', '2024-02-25']]);
  });

  it('reads slashed dates day first, unless the text writes them month first', () => {
    expect(valueOf('发布日期： 7/5/2005 9:23:57 PM')).toBe('2005-05-07T21:23:57');
    expect(valueOf('发表时间： 06/02/2022 - 13:48')).toBe('2022-02-06T13:48');
    expect(valueOf('10/31/1974')).toBe('1974-10-31');
    expect(pairs('归档 12/01/2004 至今，最后一篇 12/31/2004')).toEqual([
      ['12/01/2004', '2004-12-01'],
      ['12/31/2004', '2004-12-31'],
    ]);
  });

  it('places an hour by its part of the day', () => {
    expect(valueOf('今晚8点')).toBe('2024-02-04T20:00');
    expect(valueOf('昨天下午3点半')).toBe('2024-02-03T15:30');
    expect(valueOf('中午1点')).toBe('2024-02-04T13:00');
    expect(valueOf('夜里12点')).toBe('2024-02-05T00:00');
    expect(valueOf('凌晨4时许')).toBe('2024-02-04T04:00');
    expect(valueOf('上午8时30分')).toBe('2024-02-04T08:30');
    expect(valueOf('下午5点多钟')).toBe('2024-02-04T17:00');
    expect(valueOf('2005-04-27 12:00PM')).toBe('2005-04-27T12:00');
    expect(valueOf('晚上12点')).toBe('2024-02-05T00:00');
  });
});

describe('ranges', () => {
  it.each([
    ['11月7日至8日', '2023-11-07/2023-11-08'],
    ['2019年4月12-19日', '2019-04-12/2019-04-19'],
    ['2018年1－9月份', '2018-01/2018-09'],
    ['2017年8月15日至2018年3月29日', '2017-08-15/2018-03-29'],
    ['1985到89年9月', '1985-01/1989-09'],
    ['2008.03-2009', '2008-03/2009-12'],
    ['1999.08-2002.02', '1999-08/2002-02'],
    ['周一至周五', '2024-01-29/2024-02-02'],
    ['星期三至四', '2024-01-31/2024-02-01'],
    ['9~12点半', '2024-02-04T09:00/2024-02-04T12:30'],
    ['下午3点至5点', '2024-02-04T15:00/2024-02-04T17:00'],
    ['2019年6月28日9:30~11:30', '2019-06-28T09:30/2019-06-28T11:30'],
    ['12月9日零时至12月16日24时', '2023-12-09T00:00/2023-12-17T00:00'],
    ['6月3日晚至4日凌晨', '2024-06-03/2024-06-04'],
    ['9时30分至11时', '2024-02-04T09:30/2024-02-04T11:00'],
    ['3月中旬至4月上旬', '2024-03-11/2024-04-10'],
    ['今年10月至明年3月', '2024-10/2025-03'],
    ['十二月至一月', '2023-12/2024-01'],
  ])('%s -> %s', (text, value) => {
    expect(valueOf(text)).toBe(value);
  });

  it('moves the end into the next year or day when it would fall before the start', () => {
    expect(valueOf('12月1日到1月1日', { iso: '2023-11-20', explicit: true })).toBe('2023-12-01/2024-01-01');
    expect(valueOf('13:20~次日05:40')).toBe('2024-02-04T13:20/2024-02-05T05:40');
  });
});

describe('fuzzy parts of years and months', () => {
  it.each([
    ['年初', '2024-01/2024-02'],
    ['年底', '2024-11/2024-12'],
    ['明年年初', '2025-01/2025-02'],
    ['去年底', '2023-11/2023-12'],
    ['上半年', '2024-01/2024-06'],
    ['今年一季度', '2024-01/2024-03'],
    ['第三季度', '2024-07/2024-09'],
    ['2021年前两个季度', '2021-01/2021-06'],
    ['今年前五个月', '2024-01/2024-05'],
    ['5月上旬', '2024-05-01/2024-05-10'],
    ['2月下旬', '2024-02-21/2024-02-29'],
    ['去年6月上旬', '2023-06-01/2023-06-10'],
    ['2018年10月底', '2018-10-25/2018-10-31'],
    ['本月初', '2024-02-01/2024-02-05'],
    ['月底', '2024-02-25/2024-02-29'],
    ['九十年代末期', '1997/1999'],
    ['2021年春', '2021-02-03/2021-05-04'],
    ['冬季，', '2024-11-07/2025-02-02'],
  ])('%s -> %s', (text, value) => {
    expect(valueOf(text)).toBe(value);
  });
});

describe('relative expressions', () => {
  it.each([
    ['今天', '2024-02-04'],
    ['昨天', '2024-02-03'],
    ['前天', '2024-02-02'],
    ['大后天', '2024-02-07'],
    ['三天后', '2024-02-07'],
    ['20天后', '2024-02-24'],
    ['两年前', '2022'],
    ['3个月后', '2024-05'],
    ['一年半前', '2022-08'],
    ['二十几年前', '1994/2004'],
    ['10多年前', '2004/2014'],
    ['上周', '2024-01-22/2024-01-28'],
    ['这周', '2024-01-29/2024-02-04'],
    ['下周六', '2024-02-10'],
    ['上个礼拜天', '2024-01-28'],
    ['周三', '2024-01-31'],
    ['这周末', '2024-02-03/2024-02-04'],
    ['4周后', '2024-02-26/2024-03-03'],
    ['上个月', '2024-01'],
    ['下月15号下午6点', '2024-03-15T18:00'],
    ['去年', '2023'],
    ['前两天', '2024-02-02/2024-02-03'],
    ['近30天', '2024-01-05/2024-02-04'],
    ['上两个月', '2023-12/2024-01'],
    ['今明两天', '2024-02-04/2024-02-05'],
    ['两小时前', '2024-02-04T15:51'],
    ['一刻钟后', '2024-02-04T18:06'],
    ['半钟头后', '2024-02-04T18:21'],
  ])('%s -> %s', (text, value) => {
    expect(valueOf(text)).toBe(value);
  });

  it('shifts clock times as precisely as the reference or the shift', () => {
    expect(valueOf('一刻钟后', { iso: '2021-06-14T01:06:40', explicit: true })).toBe('2021-06-14T01:21:40');
    expect(valueOf('半小时前', { iso: '2019-02-18T07', explicit: true })).toBe('2019-02-18T06:30');
    expect(valueOf('一分半钟前', { iso: '2019-02-18T07:18:40', explicit: true })).toBe('2019-02-18T07:17:10');
    expect(valueOf('6个小时前', { iso: '2019-02-18T07', explicit: true })).toBe('2019-02-18T01:00');
  });

  it('resolves relative expressions against today when there is no explicit reference', () => {
    expect(valueOf('昨天', TODAY)).toBe('2024-02-03');
    expect(valueOf('上周', TODAY)).toBe('2024-01-22/2024-01-28');
  });

  it('counts a shift after a verb from that event, not from the reference', () => {
    expect(pairs('任教30年后，她又拿起了指挥棒')).toEqual([]);
    expect(pairs('使用4周后，肌肤年轻10岁')).toEqual([]);
    expect(pairs('开学报到前14天内')).toEqual([]);
    expect(pairs('早在两年前就已经')).toEqual([['两年前', '2022']]);
  });

  it('resolves 次日, 当天 and 同年 against the date mentioned before them', () => {
    expect(pairs('2019年5月1日，会议开幕。次日上午，代表们分组讨论。当天下午闭幕。')).toEqual([
      ['2019年5月1日', '2019-05-01'],
      ['次日上午', '2019-05-02T07:00/2019-05-02T11:00'],
      ['当天下午', '2019-05-02T13:00/2019-05-02T17:00'],
    ]);
    expect(pairs('2001年7月6日深夜遇袭的。当晚，他刚从上海返回。')).toContainEqual(['当晚', '2001-07-06T18:00/2001-07-06T23:00']);
  });

  it('continues the month of a listed date for the bare days after it', () => {
    expect(pairs('9月10日、11日和12日举行')).toEqual([
      ['9月10日', '2023-09-10'],
      ['11日', '2023-09-11'],
      ['12日', '2023-09-12'],
    ]);
    expect(pairs('6月4日晚和5日上午，在')).toEqual([
      ['6月4日', '2024-06-04'],
      ['5日', '2024-06-05'],
    ]);
  });
});

describe('spans bounded by the reference or open (ISO 8601-2)', () => {
  const ref = { iso: '2021-06-14T01:06:40', explicit: true };
  it.each([
    ['2018年以来', '2018/2021-06-14'],
    ['二〇一九年5月8日起', '2019-05-08/2021-06-14'],
    ['从去年9月起', '2020-09/2021-06-14'],
    ['从2001年起至今', '2001/2021-06-14'],
    ['1995年至今', '1995/2021-06-14'],
    ['2019年到现在', '2019/2021-06-14'],
    ['从上个月到今天', '2021-05/2021-06-14'],
    ['从2003年开始，全国', '2003/2021-06-14'],
    ['年底前', '2021-06-14/2021'],
    ['明年6月之前', '2021-06-14/2022-06'],
    ['下月15号下午6点前', '2021-06-14T01:00/2021-07-15T18:00'],
    ['2008年前', '../2008'],
    ['2025年起', '2025/..'],
    ['第三天起', '2021-06-16/..'],
    ['两天之前', '../2021-06-12'],
    ['20天以后', '2021-07-04/..'],
    ['半年之后', '2021-12/..'],
    ['过两天', '2021-06-16/..'],
    ['再过半个小时', '2021-06-14T01:36:40/..'],
    ['三个多月以来', '2021-03/2021-06-14'],
    ['近二百年来', '1821-06-14/2021-06-14'],
    ['60日内', '2021-06-14/2021-08-13'],
    ['15个工作日内', '2021-06-14/2021-07-05'],
    ['5个交易日之后', '2021-06-21/..'],
    ['近三个月', '2021-03-14/2021-06-14'],
    ['未来两个月', '2021-06-14/2021-08-13'],
    ['未来7天', '2021-06-14/2021-06-21'],
    ['未来48小时', '2021-06-14T01:06:40/2021-06-16T01:06:40'],
    ['过去的50分钟里', '2021-06-14T00:16:40/2021-06-14T01:06:40'],
    ['几十年之后', '2041/2121'],
  ])('%s -> %s', (text, value) => {
    expect(valueOf(text, ref)).toBe(value);
  });

  it('writes the reference at the named end\'s precision, at least a day, no finer than the reference', () => {
    expect(valueOf('3年半以来', { iso: '2019-09', explicit: true })).toBe('2016-03/2019-09');
    expect(valueOf('3年半以内', { iso: '2019', explicit: true })).toBe('2019/2022-07');
    expect(valueOf('一天半以来', { iso: '2019-02-18T07', explicit: true })).toBe('2019-02-16T19:00/2019-02-18T07:00');
    expect(valueOf('7天半以来', { iso: '2019-02-18', explicit: true })).toBe('2019-02-10T12:00/2019-02-18');
  });

  it('keeps verbs and nouns that begin with a bound out of it', () => {
    expect(pairs('1月31日前往北京')).toEqual([['1月31日', '2024-01-31']]);
    expect(pairs('11月5日起飞')).toEqual([['11月5日', '2023-11-05']]);
    expect(pairs('洛克度假中心1956年开始营业')).toEqual([['1956年', '1956']]);
    expect(pairs('至今年7月，国外传媒')).toEqual([['今年7月', '2024-07']]);
    expect(pairs('时至今日，耐克方面')).toEqual([['今日', '2024-02-04']]);
  });

  it('counts bounds and ordinals from the reference only at the start of a phrase', () => {
    expect(pairs('在频道开设的第4天，突破100万')).toEqual([]);
    expect(pairs('工作九年来')).toEqual([]);
    expect(pairs('几十年来形成的政策')).toEqual([]);
    expect(valueOf('第七年', { iso: '2021-06-14', explicit: true })).toBe('2027');
  });
});

describe('festivals', () => {
  it.each([
    ['国庆', '2023-10-01'],
    ['元旦', '2024-01-01'],
    ['春节', '2024-02-10'],
    ['除夕', '2024-02-09'],
    ['2001年农历除夕', '2001-01-23'],
    ['中秋节', '2023-09-29'],
    ['去年端午', '2023-06-22'],
    ['清明节', '2024-04-04'],
    ['母亲节', '2024-05-12'],
    ['复活节', '2024-03-31'],
    ['正月十五', '2024-02-24'],
    ['农历八月十五', '2023-09-29'],
    ['二零一二年农历正月十五', '2012-02-06'],
    ['2012年正月初8', '2012-01-30'],
    ['2017年大寒', '2018-01-20'],
    ['灰日', '2024-02-14'],
    ['耶稣受难日翌日', '2024-03-30'],
    ['国庆节次日', '2023-10-02'],
    ['芒种', '2024-06-05'],
  ])('%s -> %s', (text, value) => {
    expect(valueOf(text)).toBe(value);
  });

  it('needs a year for lunar dates when there is no explicit reference', () => {
    expect(pairs('春节', TODAY)).toEqual([]);
    expect(valueOf('2024年春节', TODAY)).toBe('2024-02-10');
  });
});

describe('what is not a date', () => {
  it.each([
    ['211家领军企业'],
    ['2021家企业'],
    ['实施十大行动'],
    ['合作已走过一甲子'],
    ['三位一体'],
    ['在“0—1—N”和“N—1—0”反复迭代'],
    ['版本号V2.0.1发布'],
    ['地址192.168.1.1'],
    ['电话010-62751234'],
    ['投资100万元'],
    ['共83个项目'],
    ['提出三点要求'],
    ['觉得好了一点。'],
    ['上街去购置夏季的衣服'],
    ['夏季的衣服'],
    ['联盟1号的飞行'],
    ['地铁3号线'],
    ['10号楼'],
    ['三年级学生'],
    ['建校70周年'],
    ['一年半时间'],
    ['近4个小时的车程'],
    ['想起当年的那一幕'],
    ['每月5日发放'],
    ['每年的3月15日'],
    ['政治清明'],
    ['后天性疾病'],
    ['比赛第3日'],
    ['《光明日报》记者'],
    ['革命岁月中，共产党'],
    ['35，000年前'],
    ['坚守九年来'],
    ['要求三日内完成'],
    ['5日游'],
    ['限一月内出境'],
    ['保存一天 保存一月 保存一年'],
    ['近日，记者获悉'],
    ['日前，有关部门'],
    ['共2018人'],
    ['编号2018的'],
    ['工作了24年'],
  ])('%s', (text) => {
    expect(pairs(text)).toEqual([]);
  });

  it('reads a year before 代表 as a year, not a decade', () => {
    expect(pairs('2021年代表大会')).toEqual([['2021年', '2021']]);
    expect(pairs('2020年代表大会')).toEqual([['2020年', '2020']]);
    expect(pairs('1980年代以来，')).toEqual([['1980年代以来', '1980/2024-02-04']]);
  });

  it('reads 公元前 years as no date rather than a wrong one', () => {
    expect(pairs('从公元前2000年直到')).toEqual([]);
  });
});

describe('properties over generated text', () => {
  const ISO_POINT = /^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|--\d{2}(?:-\d{2})?|---\d{2})?(?:T\d{2}:\d{2}(?::\d{2})?)?$/;
  // Fragments of real date expressions, separators, ordinary words and characters outside the BMP.
  const fragments = [
    '2023', '年', '1', '12', '月', '27', '日', '号', '至', '-', '—', '~', ':', '.', '/', '点', '分', '半', '上午', '下午', '晚上',
    '今天', '昨天', '去年', '上周', '周', '一', '三', '十', '二十', '几', '多', '前', '后', '天', '个', '星期', '初', '底', '上旬',
    '季度', '第', '春节', '国庆', '农历', '正月', '十五', '世纪', '代', '，', '、', ' ', '的', '在', '签约', '企业', '𠀀', '😀', 'V',
    '以来', '以前', '之后', '内', '起', '至今', '过去', '未来', '近', '过', '白天', '冬季', '交易日', '刻钟', '\n',
  ];
  const texts = fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((parts) => parts.join(''));

  it('returns sorted, non-overlapping entities whose text is their code-point slice and whose value is ISO 8601 (-2 for open ends), start before end', () => {
    fc.assert(
      fc.property(texts, fc.boolean(), (text, explicit) => {
        const entities = findDates(text, { iso: '2024-02-04T17:51', explicit });
        let previousEnd = 0;
        for (const e of entities) {
          expect(e.type).toBe('date');
          expect(e.start).toBeGreaterThanOrEqual(previousEnd);
          expect(e.end).toBeGreaterThan(e.start);
          expect(codePointSlice(text, e.start, e.end)).toBe(e.text);
          const parts = e.value!.split('/');
          expect(parts.length).toBeLessThanOrEqual(2);
          expect(parts.filter((part) => part === '..').length, e.value).toBeLessThan(parts.length);
          for (const part of parts) {
            expect(part, e.value).not.toBe('');
            if (part !== '..') expect(part, e.value).toMatch(ISO_POINT);
          }
          // full dates order as strings on the digits both ends write (2021-06-14/2021 ends with the year)
          const [a, b] = parts;
          if (b !== undefined && /^\d{4}/.test(a!) && /^\d{4}/.test(b)) {
            const shared = Math.min(a!.length, b.length);
            expect(a!.slice(0, shared) <= b.slice(0, shared), e.value).toBe(true);
          }
          previousEnd = e.end;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
