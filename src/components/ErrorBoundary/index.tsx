/**
 * Catches a crash below it and shows `fallback` instead, so one broken block (or a chunk that failed
 * to load) never takes the whole chapter page down.
 */
import {Component, type ErrorInfo, type ReactNode} from 'react';

export interface ErrorBoundaryProps {
  fallback: ReactNode;
  children: ReactNode;
  onError?: (error: unknown, info: ErrorInfo) => void;
}

export default class ErrorBoundary extends Component<ErrorBoundaryProps, {failed: boolean}> {
  state = {failed: false};

  static getDerivedStateFromError(): {failed: boolean} {
    return {failed: true};
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
