import type { Customer } from '@kefu/shared/customer';
import { fieldLabel } from '@kefu/shared/timeline';
import { Descriptions, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { birthdayText, useCustomerLabels } from '../labels';
import { DialButton } from '../../call-centre/components/DialButton';
import type { RevealedNumbers } from './RevealButton';

const dash = <Typography.Text type="secondary">—</Typography.Text>;
const orDash = (v: ReactNode) => (v === null || v === undefined || v === '' ? dash : v);
const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : null);

/** Every field of the archive; numbers masked as the server gave them, or as revealed. */
export function CustomerProfile({ customer: c, numbers }: { customer: Customer; numbers: RevealedNumbers | null }) {
  const t = useT();
  const labels = useCustomerLabels();
  const { lang } = labels;
  const mobile = numbers ? numbers.mobile : c.mobile;
  const otherPhones = numbers ? numbers.otherPhones : c.otherPhones;
  const idNumber = numbers ? numbers.idNumber : c.idNumber;
  const yesNo = (v: boolean) => (v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>);
  const birthday = birthdayText(c, lang);

  const items: { key: string; label: string; children: ReactNode; span?: number }[] = [
    { key: 'mobile', label: fieldLabel('mobile', lang), children: (
        <span>
          <span data-testid="profile-mobile">{orDash(mobile)}</span>
          {mobile ? <DialButton customerId={c.id} phone="mobile" /> : null}
        </span>
      ),
    },
    { key: 'otherPhones', label: fieldLabel('otherPhones', lang), children: otherPhones.length
        ? otherPhones.map((p, i) => (
            <span key={p} style={{ marginRight: 8 }}>
              {p}
              <DialButton customerId={c.id} phone={i} />
            </span>
          ))
        : dash,
    },
    { key: 'idNumber', label: fieldLabel('idNumber', lang), children: <span data-testid="profile-id-number">{orDash(idNumber)}</span> },
    { key: 'gender', label: fieldLabel('gender', lang), children: labels.gender(c.gender) },
    {
      key: 'birthday',
      label: fieldLabel('birthday', lang),
      children: birthday ? (
        <span>
          {birthday}
          {c.birthdayLunar && c.nextBirthday ? (
            <Typography.Text type="secondary">
              （{t('customer.nextBirthday')} {c.nextBirthday}）
            </Typography.Text>
          ) : null}
        </span>
      ) : (
        dash
      ),
    },
    { key: 'wechat', label: fieldLabel('wechat', lang), children: orDash(c.wechat) },
    { key: 'email', label: fieldLabel('email', lang), children: orDash(c.email) },
    { key: 'region', label: fieldLabel('region', lang), children: orDash(c.region) },
    { key: 'company', label: fieldLabel('company', lang), children: orDash(c.company) },
    { key: 'address', label: fieldLabel('address', lang), children: orDash(c.address), span: 2 },
    { key: 'source', label: fieldLabel('source', lang), children: orDash(labels.source(c.source)) },
    { key: 'classCode', label: fieldLabel('classCode', lang), children: orDash(labels.cls(c.classCode)) },
    { key: 'tierCode', label: fieldLabel('tierCode', lang), children: orDash(labels.tier(c.tierCode)) },
    { key: 'tags', label: fieldLabel('tags', lang), children: c.tags.length ? c.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : dash, span: 2 },
    { key: 'consentMarketing', label: fieldLabel('consentMarketing', lang), children: yesNo(c.consentMarketing) },
    { key: 'consentSensitive', label: fieldLabel('consentSensitive', lang), children: yesNo(c.consentSensitive) },
    { key: 'lastContactAt', label: t('customer.lastContactAt'), children: orDash(when(c.lastContactAt)) ?? t('customers.never') },
    { key: 'createdAt', label: t('customer.createdAt'), children: when(c.createdAt) },
    { key: 'updatedAt', label: t('customer.updatedAt'), children: when(c.updatedAt) },
    { key: 'notes', label: fieldLabel('notes', lang), children: c.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{c.notes}</span> : dash, span: 3 },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} styles={{ label: { width: 120, whiteSpace: 'nowrap' } }} />;
}
