import { GENDERS, SOURCES, TITLES } from '@kefu/shared/customer';
import { Checkbox, Col, Divider, Form, Input, Radio, Row, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../app/i18n/use-t';
import type { TextKey } from '../../../app/i18n/catalog';
import { useCategories } from '../api';
import type { CustomerFormValues } from '../form-values';
import { useCustomerLabels } from '../labels';
import { BirthdayInput } from './BirthdayInput';
import { StaffSelect } from './StaffSelect';

interface Props {
  /** shown under the mobile: possible duplicates */
  mobileExtra?: ReactNode;
  /** fields holding a masked number for this reader: explain that untouched ones stay as they are */
  maskedFields?: readonly string[];
  showOwner?: boolean;
}

const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };

/** Every field of the customer schema, laid out in the sections people think in. */
export function CustomerFormFields({ mobileExtra, maskedFields = [], showOwner }: Props) {
  const t = useT();
  const labels = useCustomerLabels();
  const categories = useCategories();
  const lunar = Form.useWatch<boolean | undefined>('birthdayLunar') ?? false;
  const label = (field: keyof CustomerFormValues) => t(`customerForm.${field}` as TextKey);
  const maskedExtra = (field: string) => (maskedFields.includes(field) ? t('customerForm.maskedHint') : undefined);
  const categoryOptions = (kind: 'class' | 'tier') =>
    (categories.data ?? [])
      .filter((c) => c.kind === kind && c.active)
      .map((c) => ({ value: c.code, label: kind === 'tier' ? labels.tier(c.code) : labels.cls(c.code) }));

  return (
    <>
      <Divider titlePlacement="start">{t('customerForm.section.basic')}</Divider>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item name="name" label={label('name')} required>
            <Input maxLength={50} autoFocus data-testid="field-name" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="title" label={label('title')}>
            <Radio.Group options={TITLES.map((v) => ({ value: v, label: labels.title(v) }))} optionType="button" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="gender" label={label('gender')}>
            <Radio.Group options={GENDERS.map((v) => ({ value: v, label: labels.gender(v) }))} optionType="button" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={label('birthday')} required={false}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="birthdayLunar" noStyle>
                <Select
                  style={{ width: 96 }}
                  options={[
                    { value: false, label: t('customerForm.birthday.solar') },
                    { value: true, label: t('customerForm.birthday.lunar') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="birthday" noStyle>
                <BirthdayInput lunar={lunar} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          {lunar ? (
            <Form.Item name="birthdayLunarLeap" valuePropName="checked" style={{ marginTop: -16 }}>
              <Checkbox>{label('birthdayLunarLeap')}</Checkbox>
            </Form.Item>
          ) : null}
        </Col>
        <Col {...half}>
          <Form.Item name="idNumber" label={label('idNumber')} extra={maskedExtra('idNumber')}>
            <Input maxLength={18} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('customerForm.section.contact')}</Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="mobile" label={label('mobile')} extra={mobileExtra ?? maskedExtra('mobile')}>
            <Input maxLength={20} inputMode="tel" data-testid="field-mobile" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="otherPhones" label={label('otherPhones')} extra={t('customerForm.otherPhones.help')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="wechat" label={label('wechat')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="email" label={label('email')}>
            <Input maxLength={120} inputMode="email" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="region" label={label('region')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="address" label={label('address')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('customerForm.section.archive')}</Divider>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item name="source" label={label('source')}>
            <Select allowClear placeholder={t('customerForm.select')} options={SOURCES.map((s) => ({ value: s, label: labels.source(s) }))} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="classCode" label={label('classCode')}>
            <Select allowClear placeholder={t('customerForm.select')} options={categoryOptions('class')} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="tierCode" label={label('tierCode')}>
            <Select allowClear placeholder={t('customerForm.select')} options={categoryOptions('tier')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="company" label={label('company')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        {showOwner ? (
          <Col {...half}>
            <Form.Item name="ownerId" label={label('ownerId')} extra={t('customerForm.owner.help')}>
              <StaffSelect />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24}>
          <Form.Item name="tags" label={label('tags')} extra={t('customerForm.tags.help')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="notes" label={label('notes')}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('customerForm.section.consent')}</Divider>
      <Form.Item name="consentMarketing" valuePropName="checked" style={{ marginBottom: 4 }}>
        <Checkbox>{label('consentMarketing')}</Checkbox>
      </Form.Item>
      <Form.Item name="consentSensitive" valuePropName="checked">
        <Checkbox>{label('consentSensitive')}</Checkbox>
      </Form.Item>
    </>
  );
}
