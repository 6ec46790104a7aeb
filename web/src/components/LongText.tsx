// Text people wrote (a description, a reply), folded to a few lines when long, with "show more" /
// "show less"; line breaks kept.
import { Typography } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  text: string;
  /** Lines shown while folded. */
  rows?: number;
  style?: CSSProperties;
  'data-testid'?: string;
}

export default function LongText({ text, rows = 6, style, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  return (
    <Typography.Paragraph
      data-testid={testId}
      style={{ whiteSpace: 'pre-wrap', marginBottom: 0, ...style }}
      ellipsis={{
        rows,
        expandable: 'collapsible',
        expanded,
        onExpand: (_, info) => setExpanded(info.expanded),
        symbol: (open: boolean) => (open ? t('common.showLess') : t('common.showMore')),
      }}
    >
      {text}
    </Typography.Paragraph>
  );
}
