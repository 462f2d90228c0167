/**
 * The pieces strip is built from, on strings taken from the seed and dev
 * pages: date forms, title affixes, header and credit lines, flattened-page
 * seams, line repair.
 */
import { describe, expect, it } from 'vitest';
import { makeBlock } from '../../src/stages/strip/blocks.js';
import { stripData } from '../../src/stages/strip/data.js';
import { dateFromUrl, findDates, parseDate } from '../../src/stages/strip/dates.js';
import { cleanSource, parentheticalCredits, parseHeaderLine, splitNames } from '../../src/stages/strip/labels.js';
import { joinBrokenLines } from '../../src/stages/strip/repair.js';
import { splitFlattened } from '../../src/stages/strip/textblocks.js';
import { splitTitle } from '../../src/stages/strip/title.js';

const t = stripData().thresholds;

describe('dates', () => {
  it.each([
    ['发布时间:2024-02-04 17:51', '2024-02-04T17:51'],
    ['发稿时间：2023-01-2811:22', '2023-01-28T11:22'],
    ['date: 2023-03-01 01:22:36.720108', '2023-03-01T01:22:36'],
    ['2022年02月13日07:48 | 来源：新华日报', '2022-02-13T07:48'],
    ['发布日期： 7/5/2005 9:23:57 PM', '2005-05-07T21:23:57'],
    ['发表时间： 06/02/2022 - 13:48', '2022-02-06T13:48'],
    ['2022-02-13T20:04:17+08:00', '2022-02-13T20:04:17'],
    ['BUSINESS.SOHU.COM 2005年3月11日12:12 来源：[ 人民网 ]', '2005-03-11T12:12'],
    ['《光明日报》（ 2022年02月13日 02版）', '2022-02-13'],
  ])('%s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });
  it('does not read phone numbers or invalid days as dates', () => {
    expect(findDates('新闻热线：022-23508464022-85358737')).toEqual([]);
    expect(findDates('2023-13-45')).toEqual([]);
  });
  it('keeps year-month precision when asked', () => {
    expect(parseDate('《北京之春》1996年6月号', true)).toBe('1996-06');
    expect(parseDate('《北京之春》1996年6月号')).toBeUndefined();
  });
  it('reads dates in URL paths', () => {
    expect(dateFromUrl('http://news.nankai.edu.cn/ywsd/system/2023/02/26/030054502.shtml')).toBe('2023-02-26');
    expect(dateFromUrl('http://www.shjnet.cn/ztpd/gnzt/xcjzj2022/202202/t20220213_552130.html')).toBe('2022-02-13');
  });
});

describe('title affixes', () => {
  it.each([
    ['中宏网：助力京津冀协同发展南开大学与天津武清区签署框架合作协议-媒体南开-南开大学', '中宏网：助力京津冀协同发展南开大学与天津武清区签署框架合作协议', [], ['媒体南开', '南开大学']],
    ['南开大学->“学习贯彻党的二十大精神 推动京津冀协同发展走深走实”研讨会在津举行 | nankai.info', '“学习贯彻党的二十大精神 推动京津冀协同发展走深走实”研讨会在津举行', ['南开大学'], ['nankai.info']],
    ['卢建军率队赴苏州推进合作交流-天下网标王', '卢建军率队赴苏州推进合作交流', [], ['天下网标王']],
    ['内蒙古延续部分到期税收优惠政策助企纾困预计4年为纳税人减负180亿元_内蒙古自治区政府', '内蒙古延续部分到期税收优惠政策助企纾困预计4年为纳税人减负180亿元', [], ['内蒙古自治区政府']],
    ['海姑娘 | blog.wenxuecity.com', '海姑娘', [], ['blog.wenxuecity.com']],
    ['央广网 - 中央军委主席习近平签署命令 发布《军队装备试验鉴定规定》', '中央军委主席习近平签署命令 发布《军队装备试验鉴定规定》', ['央广网'], []],
  ])('%s', (raw, title, before, after) => {
    expect(splitTitle(raw)).toEqual({ title, before, after });
  });
  it('keeps a separator inside quotes', () => {
    expect(splitTitle('北工大与朝阳区联合共建“北京工业大学-樊恭烋实验班”_工小V')).toEqual({
      title: '北工大与朝阳区联合共建“北京工业大学-樊恭烋实验班”',
      before: [],
      after: ['工小V'],
    });
  });
  it('keeps a separator whose neighbour is not a name', () => {
    expect(splitTitle('推动高校-基础教育战略合作工程，开展“大中小学一体化拔尖创新人才培养”试验研究').title).toBe(
      '推动高校-基础教育战略合作工程，开展“大中小学一体化拔尖创新人才培养”试验研究',
    );
  });
});

describe('header and credit lines', () => {
  it('reads several labels on one line', () => {
    const line = parseHeaderLine('来源:交大新闻网 日期:2024-11-11 09:50 浏览量:', t.headerLineChars)!;
    expect(line.fields).toEqual([
      { field: 'source', value: '交大新闻网' },
      { field: 'views', value: '' },
    ]);
    expect(line.dates).toEqual([{ iso: '2024-11-11T09:50', label: '日期' }]);
  });
  it('reads credit blocks and bylines', () => {
    expect(parseHeaderLine('排版:王子葳、詹论雨', t.headerLineChars)!.credits).toEqual([{ role: 'designers', names: ['王子葳', '詹论雨'] }]);
    expect(parseHeaderLine('文字:党委宣传部 杨敏;苏州市科技局', t.headerLineChars)!.credits).toEqual([{ role: 'authors', names: ['杨敏'] }]);
    expect(parseHeaderLine('光明日报记者 王建宏 张文攀', t.headerLineChars)!.credits).toEqual([{ role: 'authors', names: ['王建宏', '张文攀'] }]);
    expect(parseHeaderLine('（松花江网编辑 孙桂芳）', t.headerLineChars)!.credits).toEqual([{ role: 'editors', names: ['孙桂芳'] }]);
    expect(parseHeaderLine('【编辑:刘欢】 返回搜狐，查看更多', t.headerLineChars)!.credits).toEqual([{ role: 'editors', names: ['刘欢'] }]);
  });
  it('is not fooled by words that contain labels', () => {
    expect(parseHeaderLine('作者须知', t.headerLineChars)).toBeUndefined();
    expect(parseHeaderLine('-- 给编辑写信', t.headerLineChars)).toBeUndefined();
    expect(parseHeaderLine('本网站由南开大学新闻中心设计维护', t.headerLineChars)).toBeUndefined();
    expect(parseHeaderLine('记者：你怎么看待这次签约？', t.headerLineChars)).toBeUndefined();
  });
  it('cleans source values and names', () => {
    expect(cleanSource('2023-01-27中宏网')).toBe('中宏网');
    expect(splitNames('韦承金微信')).toEqual(['韦承金']);
    expect(splitNames('zboygirl 阅读(1660) 评论(5) 编辑')).toEqual(['zboygirl']);
  });
  it('reads credits in parentheses only when they name people', () => {
    expect(parentheticalCredits('记者 蓝芳 通讯员 井发苑 摄影宗琪琪')).toEqual([
      { role: 'authors', names: ['蓝芳'] },
      { role: 'authors', names: ['井发苑'] },
      { role: 'photographers', names: ['宗琪琪'] },
    ]);
    expect(parentheticalCredits('姚峰 上海报道')).toEqual([{ role: 'authors', names: ['姚峰'] }]);
    expect(parentheticalCredits('以下简称“西浦”')).toBeUndefined();
    expect(parentheticalCredits('区')).toBeUndefined();
  });
});

describe('flattened pages', () => {
  it('cuts at paragraph marks, labels, seams and teasers', () => {
    const line = '发稿时间：2023-01-2811:22　　中宏网1月27日电 为深入学习贯彻党的二十大精神。（中宏网特约作者王敏 吴军辉摄影报道）编辑：韦承金微信往期推送更多...南开大学获批3项国际中文教育...新闻热线：022-23508464';
    expect(splitFlattened(line).map((p) => p.text)).toEqual([
      '发稿时间：2023-01-2811:22　　',
      '中宏网1月27日电 为深入学习贯彻党的二十大精神。（中宏网特约作者王敏 吴军辉摄影报道）',
      '编辑：韦承金微信',
      '往期推送更多...',
      '南开大学获批3项国际中文教育...',
      '新闻热线：022-23508464',
    ]);
  });
});

describe('line repair', () => {
  const lines = (...texts: string[]) => texts.map((text) => makeBlock(text, 'paragraph', { joinable: true }));
  it('joins a line cut mid-sentence and a stray full stop', () => {
    const out = joinBrokenLines(lines('**南开新闻网讯** （记者 蓝芳 通讯员 井发苑 摄影', '宗琪琪）为深入学习贯彻党的二十大精神，在京津冀协同发展国家战略实施九周年之际。'), t);
    expect(out.map((b) => b.text)).toEqual(['**南开新闻网讯** （记者 蓝芳 通讯员 井发苑 摄影宗琪琪）为深入学习贯彻党的二十大精神，在京津冀协同发展国家战略实施九周年之际。']);
    expect(joinBrokenLines(lines('提升1小时通勤圈治理水平，促进通勤群体多元化，积极发展都市圈城际公交', '。'), t).map((b) => b.text)).toEqual(['提升1小时通勤圈治理水平，促进通勤群体多元化，积极发展都市圈城际公交。']);
  });
  it('does not join headlines, numbered points, credits or link lines', () => {
    const keep = (...texts: string[]) => expect(joinBrokenLines(lines(...texts), t)).toHaveLength(texts.length);
    keep('落实市党代会精神!北工大与朝阳区签署全面战略合作协议', '7月26日下午,北京工业大学和朝阳区人民政府全面战略合作协议签订仪式在朝阳区人民政府举行。');
    keep('推进“墩苗式”培养,在实践锻炼中全面提升年轻干部履职本领,建立区校互派年轻干部实践锻炼的长效机制', '2.进行创新创业、实习实践等领域深度合作');
    keep('学校选派多名优秀干部、工作组赴武清开展帮扶工作，助力脱贫攻坚和乡村振兴。（中宏网特约作者王敏 吴军辉摄影报道）', '编辑：韦承金');
    keep('关注数据与安全,洞悉企业级服务市场:https://www.ijiandao.com/', '安全、绿色软件下载就上极速下载站:https://www.yaorank.com/');
  });
});
