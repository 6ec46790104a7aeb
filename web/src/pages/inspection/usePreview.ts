// The score of a card and its answers so far, from the server's preview route (the one place a
// score is computed), asked again a moment after the card or the answers stop changing.
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { previewScorecard, type Answers, type ScorecardDefinition, type ScorecardScore } from '../../api/inspection';
import { toApiError } from '../../lib/useAsync';
import { useDebounced } from '../../lib/useDebounced';
import { runningPreview } from './card';

export interface PreviewState {
  score: ScorecardScore | null;
  error: ApiError | null;
  loading: boolean;
}

export function usePreview(card: ScorecardDefinition | null, answers: Answers): PreviewState {
  const settled = useDebounced({ card, answers }, 300);
  const [state, setState] = useState<PreviewState>({ score: null, error: null, loading: false });
  useEffect(() => {
    if (!settled.card || settled.card.sections.length === 0) {
      setState({ score: null, error: null, loading: false });
      return;
    }
    const controller = new AbortController();
    const body = runningPreview(settled.card, settled.answers);
    setState((s) => ({ ...s, loading: true }));
    previewScorecard(body.definition, body.answers, controller.signal).then(
      (score) => setState({ score, error: null, loading: false }),
      (cause: unknown) => {
        if (!controller.signal.aborted) setState({ score: null, error: toApiError(cause), loading: false });
      },
    );
    return () => controller.abort();
  }, [settled]);
  return state;
}
