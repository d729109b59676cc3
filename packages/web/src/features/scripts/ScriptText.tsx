import { Typography } from 'antd';
import { Fragment } from 'react';

/**
 * A script as the agent reads it: the words to say plain, the seed's stage directions (（说完停顿……）,
 * /半停顿/) greyed so the eye skips them.
 */
export function ScriptText({ text }: { text: string }) {
  const parts = text.split(/(（[^）]*）|\/[^/\n]{1,8}\/)/g);
  return (
    <div style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.8 }} data-testid="script-text">
      {parts.map((p, i) =>
        /^（.*）$|^\/.*\/$/.test(p) ? (
          <Typography.Text key={i} type="secondary" style={{ fontSize: 13 }}>
            {p}
          </Typography.Text>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </div>
  );
}
