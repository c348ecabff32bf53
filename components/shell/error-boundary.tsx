"use client";

// The body of every error.tsx: the zh-CN error screen with 重试 (reset re-renders the segment).
import { ErrorScreen } from "./error-screens";

export function SegmentError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorScreen digest={error.digest} onRetry={reset} />;
}
