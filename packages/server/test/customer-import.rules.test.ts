import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { suggestMapping, normaliseHeader } from '../src/modules/customer-import/customer-import.mapping';
import { cellText, decodeText, detectDelimiter, parseCsv, toSheet } from '../src/modules/customer-import/customer-import.parse';
import { percentOf } from '../src/modules/customer-import/customer-import.report';
import { checkRow, markDuplicates, type ImportLookups } from '../src/modules/customer-import/customer-import.rows';
import { readBool, readDate, readGender, readList, readSource, readTitle, splitLunarMark } from '../src/modules/customer-import/customer-import.values';

describe('suggestMapping', () => {
  it.each([
    [
      ['姓名', '手机', '性别', '生日', '农历', '地址', '地区', '来源', '单位', '标签', '备注', '微信', '邮箱', '等级', '分类'],
      {
        name: 0,
        mobile: 1,
        gender: 2,
        birthday: 3,
        birthdayLunar: 4,
        address: 5,
        region: 6,
        source: 7,
        company: 8,
        tags: 9,
        notes: 10,
        wechat: 11,
        email: 12,
        tierCode: 13,
        classCode: 14,
      },
    ],
    [['客户姓名', '手机号码（必填）', '电话'], { name: 0, mobile: 1, otherPhones: 2 }],
    [['名字', '电话'], { name: 0, mobile: 1 }],
    [['序号', '客户名称', '联系电话', '公司', '负责人'], { name: 1, mobile: 2, company: 3, owner: 4 }],
    [['Name', 'Mobile', 'E-mail', 'Tags'], { name: 0, mobile: 1, email: 2, tags: 3 }],
    [['客户手机号', '出生日期', '客户等级', '所属客服'], { mobile: 0, birthday: 1, tierCode: 2, owner: 3 }],
    [['', '无关列', '编号'], {}],
  ] as const)('%j', (headers, expected) => {
    expect(suggestMapping([...headers])).toEqual(expected);
  });

  it('maps our own export headers back', () => {
    const headers = [
      '姓名',
      '称呼',
      '性别',
      '手机号',
      '其他电话',
      '微信',
      '邮箱',
      '身份证号',
      '生日',
      '农历生日',
      '地区',
      '地址',
      '来源',
      '单位',
      '负责人',
      '分类',
      '等级',
      '标签',
      '备注',
    ];
    expect(Object.keys(suggestMapping(headers))).toHaveLength(19);
  });

  it.each([
    ['手机号码（必填）*', '手机号码'],
    [' E-Mail ', 'e-mail'],
    ['出生日期:', '出生日期'],
  ])('normaliseHeader(%j) = %j', (h, n) => expect(normaliseHeader(h)).toBe(n));
});

describe('cell values', () => {
  it.each([
    ['1990-2-3', '1990-02-03'],
    ['1990/02/03', '1990-02-03'],
    ['1990.2.3', '1990-02-03'],
    ['1990年2月3日', '1990-02-03'],
    ['19900203', '1990-02-03'],
    ['32907', '1990-02-03'],
    ['1990-02-03 00:00:00', '1990-02-03'],
    ['', null],
    ['二月三日', '二月三日'],
  ])('readDate(%j) = %j', (v, d) => expect(readDate(v)).toBe(d));

  it.each([
    ['先生', 'mr'],
    ['女士', 'ms'],
    ['小姐', 'ms'],
    ['Mr.', 'mr'],
    ['', null],
    ['老板', undefined],
  ])('readTitle(%j)', (v, t) => expect(readTitle(v)).toBe(t));
  it.each([
    ['男', 'male'],
    ['女', 'female'],
    ['F', 'female'],
    ['保密', 'unknown'],
    ['', null],
    ['x', undefined],
  ])('readGender(%j)', (v, g) => expect(readGender(v)).toBe(g));
  it.each([
    ['是', true],
    ['农历', true],
    ['否', false],
    ['公历', false],
    ['', null],
    ['也许', undefined],
  ])('readBool(%j)', (v, b) => expect(readBool(v)).toBe(b));
  it.each([
    ['转介绍', 'referral'],
    ['朋友介绍', 'referral'],
    ['到店', 'walk_in'],
    ['抖音', 'online'],
    ['Event', 'event'],
    ['展会', 'event'],
    ['不记得了', 'other'],
    ['', null],
  ])('readSource(%j)', (v, s) => expect(readSource(v)).toBe(s));
  it.each([
    ['VIP，老客户；转介绍', ['VIP', '老客户', '转介绍']],
    ['010-88886666 / 13800138000', ['010-88886666', '13800138000']],
    ['', []],
  ])('readList(%j)', (v, l) => expect(readList(v)).toEqual(l));
  it.each([
    ['农历1990-02-03', { date: '1990-02-03', lunar: true }],
    ['1990-02-03（农历）', { date: '1990-02-03', lunar: true }],
    ['1990-02-03', { date: '1990-02-03', lunar: false }],
  ])('splitLunarMark(%j)', (v, r) => expect(splitLunarMark(v)).toEqual(r));
  it.each([
    [new Date(Date.UTC(1990, 1, 3)), '1990-02-03'],
    [13800138000, '13800138000'],
    [1.5, '1.5'],
    [{ richText: [{ text: '张' }, { text: '三' }] }, '张三'],
    [{ formula: 'A1', result: 7 }, '7'],
    [{ text: '链接', hyperlink: 'http://x' }, '链接'],
    [null, ''],
    [true, 'true'],
  ])('cellText(%j) = %j', (v, t) => expect(cellText(v)).toBe(t));
});

describe('reading csv text', () => {
  const zh = '姓名,手机\r\n张三,13800138000\r\n';
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(zh)])],
    ['UTF-8', Buffer.from(zh)],
    ['GBK', iconv.encode(zh, 'gbk')],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(zh, 'utf16le')])],
  ])('decodes %s', (_, data) => expect(decodeText(data)).toBe(zh));

  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a\tb\tc', '\t'],
    ['a;b;c', ';'],
    ['"x,y"\tb\tc', '\t'],
    ['single', ','],
  ])('delimiter of %j is %j', (t, d) => expect(detectDelimiter(t)).toBe(d));

  it('reads quoted fields, doubled quotes, line breaks inside quotes and CRLF', () => {
    const text = '姓名,备注\r\n张三,"说""你好"",然后走了"\r\n李四,"第一行\r\n第二行"\r\n';
    expect(parseCsv(text)).toEqual([
      ['姓名', '备注'],
      ['张三', '说"你好",然后走了'],
      ['李四', '第一行\r\n第二行'],
    ]);
  });

  it('takes the first non-empty row as the header and keeps row numbers as the sheet shows them', () => {
    const sheet = toSheet([[''], ['姓名', '手机'], ['张三', '1'], ['', ''], ['李四']]);
    expect(sheet.headers).toEqual(['姓名', '手机']);
    expect(sheet.rows).toEqual([
      { line: 3, cells: ['张三', '1'] },
      { line: 5, cells: ['李四'] },
    ]);
  });

  it('refuses a file without data rows', () => expect(() => toSheet([['姓名']])).toThrow('import.empty'));
});

describe('checkRow and markDuplicates', () => {
  const U1 = '6f1c2a4e-0000-4000-8000-000000000001';
  const lookups: ImportLookups = {
    owners: new Map<string, string | null>([
      ['张晓燕', U1],
      ['zhangxy', U1],
      ['王芳', null],
    ]),
    classes: new Map([
      ['partner', 'partner'],
      ['伙伴型', 'partner'],
    ]),
    tiers: new Map([
      ['vip', 'vip'],
      ['大客户', 'big'],
    ]),
  };
  const mapping = { name: 0, mobile: 1, gender: 2, birthday: 3, owner: 4, tierCode: 5, email: 6 };
  const check = (line: number, cells: string[]) => checkRow(line, cells, mapping, lookups);
  const issues = (cells: string[]) => check(2, cells).issues.map((i) => [i.field, i.message]);

  it.each([
    [['张三', '138 0013 8000', '男', '1990/2/3', '张晓燕', '大客户', ''], []],
    [['', '13800138000', '', '', '', '', ''], [['name', 'v.name']]],
    [['张三', '1380013', '', '', '', '', ''], [['mobile', 'v.mobile']]],
    [['张三', '', '人妖', '', '', '', ''], [['gender', 'import.bad_value']]],
    [['张三', '', '', '1990-13-01', '', '', ''], [['birthday', 'v.date']]],
    [['张三', '', '', '', '李雷', '', ''], [['owner', 'import.unknown_owner']]],
    [['张三', '', '', '', '王芳', '', ''], [['owner', 'import.ambiguous_owner']]],
    [['张三', '', '', '', '', '钻石', ''], [['tierCode', 'import.unknown_category']]],
    [['张三', '', '', '', '', '', 'not-an-email'], [['email', 'v.email']]],
    [
      ['', 'abc', '', '', '', '', ''],
      [
        ['name', 'v.name'],
        ['mobile', 'v.mobile'],
      ],
    ],
  ])('%j -> %j', (cells, expected) => expect(issues(cells)).toEqual(expected));

  it('turns a good row into the customer to create', () => {
    const r = check(2, ['张三', '+86 138-0013-8000', '', '农历1990-02-03', 'ZhangXY', 'VIP', 'A@B.CN']);
    expect(r.input).toMatchObject({
      name: '张三',
      mobile: '13800138000',
      gender: 'unknown',
      birthday: '1990-02-03',
      birthdayLunar: true,
      ownerId: U1,
      tierCode: 'vip',
      email: 'a@b.cn',
    });
  });

  it('reports duplicates against the archive and within the file, the first valid row keeping the number', () => {
    const rows = [
      check(2, ['甲', '13800138000', '', '', '', '', '']),
      check(3, ['乙', '13800138000', '', '', '', '', '']),
      check(4, ['丙', '139 0000 0001', '', '', '', '', '']),
      check(5, ['', '13700000002', '', '', '', '', '']),
      check(6, ['丁', '13700000002', '', '', '', '', '']),
    ];
    markDuplicates(rows, new Set(['13900000001']), (r) => `cell of ${r.line}`);
    expect(rows.map((r) => [r.line, r.input ? 'ok' : r.issues.map((i) => i.message + (i.params?.row ?? '')).join('+')])).toEqual([
      [2, 'ok'],
      [3, 'import.duplicate_in_file2'],
      [4, 'import.duplicate_in_archive'],
      [5, 'v.name'],
      [6, 'ok'],
    ]);
  });
});

describe('percentOf', () => {
  const base = { total: 100, processed: 0, imported: 0, valid: 80, phase: null };
  it.each([
    [{ ...base, status: 'uploaded' }, 0],
    [{ ...base, status: 'running', phase: 'preparing' as const, processed: 50 }, 25],
    [{ ...base, status: 'running', phase: 'inserting' as const, processed: 100, imported: 40 }, 74],
    [{ ...base, status: 'done' }, 100],
  ])('%j -> %d', (p, n) => expect(percentOf(p)).toBe(n));
});
