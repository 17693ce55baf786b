/**
 * A small label beside a fact that qualifies it ("inferred", "believed wrong"), with its reason
 * as the title (on hover) and as its own text (read by screen readers, shown on keyboard focus),
 * so the qualification never rests on colour alone.
 */
export function Marker({
  label,
  explanation,
  className,
  data,
}: {
  label: string;
  explanation: string;
  className: string;
  data?: Record<`data-${string}`, string>;
}) {
  return (
    <span className={`marker ${className}`} title={explanation} tabIndex={0} {...data}>
      {label}
      <span className="marker-note">{explanation}</span>
    </span>
  );
}
