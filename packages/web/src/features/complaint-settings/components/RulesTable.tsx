import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, shadowingRules } from '@kefu/shared/complaint';
import { Alert, Button, Flex, Form, InputNumber, Select, Space, Table, Tag, Tooltip, type FormListFieldData, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { useComplaintLabels } from '../../complaints/labels';
import { ANY, ruleInput, type RuleValues, type SettingsFormValues } from '../settings-form';

/** The settings allow 64 rules; a list that long is a sign of a mistake, but it is the manager's call. */
const MAX_RULES = 64;
const cell = { style: { marginBottom: 0 } };

/**
 * The rules, in the order they are checked: the first that matches a case's category and severity wins.
 * A rule that an earlier one already covers is marked, since it can never apply.
 */
export function RulesTable() {
  const t = useT();
  const labels = useComplaintLabels();
  const form = Form.useFormInstance<SettingsFormValues>();
  const rules: RuleValues[] = Form.useWatch('rules', form) ?? [];
  const defaults = Form.useWatch('defaults', form);
  const shadowed = shadowingRules(rules.map(ruleInput));

  const anyOption = { value: ANY, label: t('complaintSettings.rule.any') };
  const categories = [anyOption, ...COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))];
  const severities = [anyOption, ...COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: labels.severity(s) }))];

  return (
    <Form.List name="rules">
      {(fields, { add, remove, move }, { errors }) => {
        const columns: TableColumnsType<FormListFieldData> = [
          {
            title: t('complaintSettings.rule.order'),
            key: 'order',
            width: 96,
            render: (_, f, i) => (
              <Flex vertical align="start" gap={2}>
                <span>{i + 1}</span>
                {shadowed[i] !== null && shadowed[i] !== undefined ? (
                  <Tag color="warning" style={{ marginInlineEnd: 0 }} data-testid={`rule-${i}-unreachable`}>
                    {t('complaintSettings.rule.unreachable')}
                  </Tag>
                ) : null}
              </Flex>
            ),
          },
          {
            title: t('complaintSettings.rule.category'),
            key: 'category',
            render: (_, f, i) => (
              <Form.Item name={[f.name, 'category']} {...cell}>
                <Select options={categories} style={{ width: 140 }} data-testid={`rule-${i}-category`} />
              </Form.Item>
            ),
          },
          {
            title: t('complaintSettings.rule.severity'),
            key: 'severity',
            width: 116,
            render: (_, f, i) => (
              <Form.Item name={[f.name, 'severity']} {...cell}>
                <Select options={severities} style={{ width: 100 }} data-testid={`rule-${i}-severity`} />
              </Form.Item>
            ),
          },
          {
            title: t('complaintSettings.rule.hoursColumn'),
            key: 'responseHours',
            width: 124,
            render: (_, f, i) => (
              <Form.Item name={[f.name, 'responseHours']} {...cell}>
                <InputNumber style={{ width: 100 }} data-testid={`rule-${i}-hours`} aria-label={`${t('complaintSettings.rule.hoursColumn')} ${i + 1}`} />
              </Form.Item>
            ),
          },
          {
            title: t('complaintSettings.rule.daysColumn'),
            key: 'resolveDays',
            width: 124,
            render: (_, f, i) => (
              <Form.Item name={[f.name, 'resolveDays']} {...cell}>
                <InputNumber style={{ width: 100 }} data-testid={`rule-${i}-days`} aria-label={`${t('complaintSettings.rule.daysColumn')} ${i + 1}`} />
              </Form.Item>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 104,
            render: (_, f, i) => (
              <Space size={0}>
                <Tooltip title={t('complaintSettings.rule.up')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowUpOutlined />}
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                    aria-label={t('complaintSettings.rule.up')}
                  />
                </Tooltip>
                <Tooltip title={t('complaintSettings.rule.down')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={i === fields.length - 1}
                    onClick={() => move(i, i + 1)}
                    aria-label={t('complaintSettings.rule.down')}
                  />
                </Tooltip>
                <Tooltip title={t('complaintSettings.rule.remove')}>
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('complaintSettings.rule.remove')}
                    data-testid={`rule-${i}-remove`}
                  />
                </Tooltip>
              </Space>
            ),
          },
        ];
        // a new rule starts from the default limits, matching anything: the manager narrows it down
        const fresh: RuleValues = { category: ANY, severity: ANY, responseHours: defaults?.responseHours ?? null, resolveDays: defaults?.resolveDays ?? null };
        return (
          <>
            <Table<FormListFieldData>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={fields}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('complaintSettings.rule.none') }}
              data-testid="rules-table"
            />
            <Form.ErrorList errors={errors} />
            {shadowed.map((by, i) =>
              by === null ? null : (
                <Alert
                  key={i}
                  type="warning"
                  showIcon
                  style={{ marginTop: 8 }}
                  title={t('complaintSettings.rule.unreachable.help', { rule: i + 1, by: by + 1 })}
                />
              ),
            )}
            <Button icon={<PlusOutlined />} style={{ marginTop: 12 }} disabled={fields.length >= MAX_RULES} onClick={() => add(fresh)} data-testid="rule-add">
              {t('complaintSettings.rule.add')}
            </Button>
          </>
        );
      }}
    </Form.List>
  );
}
