/** A labelled bar for "counted against a threshold": the text says the numbers, the bar shows the proportion. */
export function ProgressBar(props: {
  readonly label: string;
  readonly value: number;
  readonly text: string;
  readonly met: boolean;
  /** A short count ("5 of 15"): kept on the label's first line, right-aligned, so counts line up down a card. */
  readonly count?: boolean;
}) {
  const percent = Math.round(Math.min(1, Math.max(0, props.value)) * 100);
  return (
    <div className="progress">
      <div className={props.count ? 'progress-label is-count' : 'progress-label'}>
        <span>{props.label}</span>
        <span className="progress-text">{props.text}</span>
      </div>
      <div
        className={`progress-track ${props.met ? 'is-met' : 'is-short'}`}
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={props.text}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
