"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="page page--narrow">
      <h1>Something went wrong</h1>
      <p>We could not load this page. Please try again.</p>
      <button className="button" type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
