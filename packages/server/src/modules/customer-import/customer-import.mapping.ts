import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField, type ImportMapping } from '@kefu/shared';

/**
 * Header names found in the customer books of service departments (Excel, WPS, exports of other
 * systems), most telling first. Our own export's headers (IMPORT_FIELD_LABELS) are added below, so an
 * exported file maps back by itself.
 */
const SYNONYMS: Record<ImportField, string[]> = {
  name: ['姓名', '客户姓名', '客户名称', '客户名', '名字', '联系人', 'name', 'fullname'],
  title: ['称呼', '称谓', 'title', 'salutation'],
  gender: ['性别', 'gender', 'sex'],
  mobile: ['手机', '手机号', '手机号码', '移动电话', '联系手机', '联系电话', '电话', '电话号码', '联系方式', 'mobile', 'cellphone', 'phone', 'tel'],
  otherPhones: ['其他电话', '备用电话', '其他号码', '座机', '固话', '固定电话', '办公电话', '家庭电话', '电话2', '电话', 'otherphones'],
  wechat: ['微信', '微信号', 'wechat', 'weixin'],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', 'email', 'e-mail', 'mail'],
  idNumber: ['身份证', '身份证号', '身份证号码', '证件号', '证件号码', 'idnumber'],
  birthday: ['生日', '出生日期', '出生年月日', '出生年月', '出生', 'birthday', 'birthdate', 'dateofbirth'],
  birthdayLunar: ['农历', '农历生日', '是否农历', '阴历', '历法', 'lunar', 'lunarbirthday'],
  region: ['地区', '区域', '所在地区', '所在地', '省市', '城市', 'region', 'city'],
  address: ['地址', '住址', '联系地址', '家庭住址', '详细地址', '通讯地址', 'address'],
  source: ['来源', '客户来源', '来源渠道', '渠道', 'source', 'channel'],
  company: ['单位', '公司', '工作单位', '单位名称', '公司名称', '企业', 'company', 'organization'],
  owner: ['负责人', '客服', '专员', '所属客服', '负责客服', '跟进人', '归属人', '业务员', '客户经理', 'owner', 'agent'],
  classCode: ['分类', '客户分类', '类别', '客户类别', '类型', '客户类型', 'class', 'category'],
  tierCode: ['等级', '客户等级', '级别', '会员等级', 'tier', 'level'],
  tags: ['标签', '客户标签', 'tags', 'tag'],
  notes: ['备注', '备注信息', '说明', '附注', 'notes', 'note', 'remark', 'remarks'],
};
for (const f of IMPORT_FIELDS) {
  for (const label of Object.values(IMPORT_FIELD_LABELS[f])) {
    const key = normaliseHeader(label);
    if (!SYNONYMS[f].includes(key)) SYNONYMS[f].push(key);
  }
}

/** "手机号码（必填）*" -> "手机号码"; "E-Mail " -> "e-mail". */
export function normaliseHeader(h: string): string {
  return h
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[\s*:：_]/g, '')
    .toLowerCase();
}

/**
 * A first guess at which column is which field: exact names beat names that merely contain a
 * synonym, earlier synonyms beat later ones; each field and each column is used once.
 */
export function suggestMapping(headers: string[]): ImportMapping {
  const candidates: { field: ImportField; column: number; score: number }[] = [];
  headers.forEach((raw, column) => {
    const h = normaliseHeader(raw);
    if (!h) return;
    for (const field of IMPORT_FIELDS) {
      SYNONYMS[field].forEach((s, rank) => {
        if (h === s) candidates.push({ field, column, score: 1000 - rank });
        else if (s.length >= 2 && h.includes(s)) candidates.push({ field, column, score: 500 + s.length * 10 - rank });
      });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ImportMapping = {};
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || usedColumns.has(c.column)) continue;
    mapping[c.field] = c.column;
    usedColumns.add(c.column);
  }
  return mapping;
}
