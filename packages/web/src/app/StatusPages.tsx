import { Button, Result } from 'antd';
import { Link, useRouteError } from 'react-router-dom';
import { useT } from './i18n/use-t';

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function ForbiddenPage() {
  const t = useT();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('common.forbiddenPage')}
      extra={
        <Link to="/">
          <Button>{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** A page that threw while rendering: in the reader's language instead of the router's developer page. */
export function CrashPage() {
  const t = useT();
  console.error(useRouteError());
  return (
    <Result
      status="error"
      title={t('common.crashed')}
      subTitle={t('common.crashedHelp')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}

/** Signed in, but no area is open to this account yet (a department handler before their areas exist). */
export function NothingYetPage() {
  const t = useT();
  return <Result status="info" title={t('common.nothingYet')} subTitle={t('common.nothingYetHelp')} data-testid="nothing-yet" />;
}
