import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Result, Row, Spin } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { errorText, isApiError, type ApiError } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useComplaint } from '../api';
import { CaseHeader } from '../components/CaseHeader';
import { FollowUpsCard } from '../components/FollowUpsCard';
import { PromisesCard } from '../components/PromisesCard';
import { RecordSheet } from '../components/RecordSheet';
import { RegisteredBanner } from '../components/RegisteredBanner';
import { SlaCard } from '../components/SlaCard';
import { StepTimeline } from '../components/StepTimeline';
import { TransfersCard } from '../components/TransfersCard';

/** 案件页: one complaint as the 附件二 form, its deadlines, the actions allowed now, and every step taken. */
export function ComplaintCasePage() {
  const t = useT();
  const { id = '' } = useParams();
  const location = useLocation();
  const complaint = useComplaint(id);
  const { can } = useSession();
  // a department handler reads the cases transferred to them, and goes back to their inbox
  const back = can('complaint:read')
    ? { to: '/complaints', text: t('complaintCase.back') }
    : { to: '/complaint-transfers', text: t('complaintCase.backInbox') };
  const [conflict, setConflict] = useState<string | null>(null);
  const justRegistered = (location.state as { registered?: boolean } | null)?.registered === true;

  if (complaint.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (complaint.isError) {
    const notFound = isApiError(complaint.error) && complaint.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'warning'}
        title={errorText(complaint.error)}
        extra={
          <Link to={back.to}>
            <Button>{back.text}</Button>
          </Link>
        }
      />
    );
  }
  const c = complaint.data;
  // the server refused a stale or no-longer-allowed step; the case has been read again
  const onConflict = (err: ApiError) =>
    setConflict(err.code === 'complaint.version_conflict' ? t('complaintCase.conflict.version') : `${errorText(err)} ${t('complaintCase.conflict.reloaded')}`);
  return (
    <>
      <Link to={back.to} style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {back.text}
      </Link>
      {justRegistered ? <RegisteredBanner number={c.number} /> : null}
      {conflict ? (
        <Alert type="warning" showIcon closable onClose={() => setConflict(null)} title={conflict} style={{ marginBottom: 16 }} data-testid="case-conflict" />
      ) : null}
      <CaseHeader complaint={c} onConflict={onConflict} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <RecordSheet complaint={c} />
          <Card variant="borderless" title={t('complaintCase.history')} style={{ marginBottom: 16 }}>
            <StepTimeline complaintId={c.id} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <SlaCard complaint={c} readAt={complaint.dataUpdatedAt} />
          {can('complaint:read') ? <FollowUpsCard complaintId={c.id} closed={c.state === 'closed'} /> : null}
          <TransfersCard complaintId={c.id} />
          {can('complaint:read') ? <PromisesCard complaintId={c.id} /> : null}
        </Col>
      </Row>
    </>
  );
}
