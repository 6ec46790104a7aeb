import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { withTranslation, type WithTranslation } from 'react-i18next';

interface Props extends WithTranslation {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Catches render errors and failed lazy page loads so a page crash never leaves a blank screen. */
class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  render() {
    const { t, children } = this.props;
    if (!this.state.error) return children;
    return (
      <Result
        status="error"
        title={t('errors.loadFailed')}
        subTitle={this.state.error.message}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('errors.retry')}
          </Button>
        }
      />
    );
  }
}

export default withTranslation()(ErrorBoundary);
