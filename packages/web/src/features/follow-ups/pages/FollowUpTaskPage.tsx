import { ArrowLeftOutlined } from '@ant-design/icons';
import type { FollowUpTaskDetail } from '@kefu/shared/follow-up';
import { Alert, Button, Card, Col, Descriptions, List, Row, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useScript, useTask } from '../api';
import { OutcomeButtons } from '../components/OutcomeButtons';
import { RecordForm } from '../components/RecordForm';
import { SpotCheck } from '../components/SpotCheck';
import { STATUS_COLORS, outcomeLabel, statusLabel, time } from '../labels';

/** The scripts area's text for this call: the task's script, or the standard opening (常规开场白) every call starts with. */
function ScriptPanel({ detail }: { detail: FollowUpTaskDetail }) {
  const t = useT();
  const script = useScript(detail.task.scriptCode ?? 'opening', detail.customer.id);
  if (!script.data) return null;
  return (
    <Card size="small" title={`${t('fu.task.script')}：${script.data.name}`} data-testid="task-script">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{script.data.text}</Typography.Paragraph>
      {script.data.missing.length ? (
        <Typography.Text type="warning">{t('fu.task.scriptMissing', { names: script.data.missing.join('、') })}</Typography.Text>
      ) : null}
    </Card>
  );
}

function CustomerCard({ detail }: { detail: FollowUpTaskDetail }) {
  const t = useT();
  const c = detail.customer;
  return (
    <Card size="small" title={t('fu.task.customer')} extra={<Link to={`/customers/${c.id}`}>{t('fu.task.openCustomer')}</Link>} data-testid="task-customer">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('fu.col.customer')}>
          <Typography.Text strong>{c.name}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('fu.task.mobile')}>
          <Typography.Text copyable={Boolean(c.mobile && !c.mobile.includes('*'))}>{c.mobile ?? '—'}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('fu.task.owner')}>{c.owner?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fu.task.lastContact')}>{c.lastContactAt ? time(c.lastContactAt) : t('fu.task.never')}</Descriptions.Item>
        <Descriptions.Item label={t('fu.task.reason')}>{detail.task.reasonText}</Descriptions.Item>
        {detail.task.campaign ? <Descriptions.Item label={t('fu.col.campaign')}>{detail.task.campaign.name}</Descriptions.Item> : null}
        <Descriptions.Item label={t('fu.col.due')}>
          {time(detail.task.dueAt)} {detail.task.overdue ? <Tag color="red">{t('fu.overdue')}</Tag> : null}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function History({ detail }: { detail: FollowUpTaskDetail }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <>
      <Card size="small" title={t('fu.task.attempts')} data-testid="task-attempts">
        <List
          size="small"
          dataSource={detail.attempts}
          locale={{ emptyText: t('fu.task.noAttempts') }}
          renderItem={(a) => (
            <List.Item>
              {time(a.at)} {a.agent?.name} <Tag>{outcomeLabel(a.outcome, lang)}</Tag>
              {a.callbackAt ? time(a.callbackAt) : null} {a.note}
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('fu.task.history')} data-testid="task-history">
        <List
          size="small"
          dataSource={detail.history}
          locale={{ emptyText: t('fu.task.noHistory') }}
          renderItem={(h) => (
            <List.Item>
              <Link to={`/follow-ups/${h.id}`}>{time(h.dueAt)}</Link> {h.reasonText} <Tag color={STATUS_COLORS[h.status]}>{statusLabel(h.status, lang)}</Tag>
              {h.lastOutcome ? <Tag>{outcomeLabel(h.lastOutcome, lang)}</Tag> : null}
              {h.satisfaction ? `★${h.satisfaction}` : null}
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

/** One screen per task (SPEC §4): the customer card, the script, the history, the record form and the outcome buttons. */
export function FollowUpTaskPage() {
  const t = useT();
  const { lang } = useLang();
  const { id = '' } = useParams();
  const task = useTask(id);
  const d = task.data;
  return (
    <>
      <PageHeader
        title={d ? t('fu.task.title', { name: d.customer.name }) : t('fu.mine.title')}
        extra={
          <Link to="/follow-ups">
            <Button icon={<ArrowLeftOutlined />} data-testid="back-to-list">
              {t('fu.task.back')}
            </Button>
          </Link>
        }
      />
      <ErrorAlert error={task.error} onRetry={() => void task.refetch()} retryText={t('common.retry')} />
      {!d ? (
        task.isPending ? (
          <Spin />
        ) : null
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
            <CustomerCard detail={d} />
            <ScriptPanel detail={d} />
            <History detail={d} />
          </Col>
          <Col xs={24} lg={14} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
            {d.task.status !== 'open' ? (
              <Alert type="info" showIcon title={t('fu.task.closed', { status: statusLabel(d.task.status, lang) })} data-testid="task-closed" />
            ) : !d.abilities.work ? (
              <Alert type="warning" showIcon title={t('fu.task.notYours', { name: d.task.assignee?.name ?? t('fu.unassigned') })} />
            ) : null}
            <RecordForm detail={d} />
            {d.abilities.work ? <OutcomeButtons detail={d} onDone={() => undefined} /> : null}
            <SpotCheck detail={d} />
          </Col>
        </Row>
      )}
    </>
  );
}
