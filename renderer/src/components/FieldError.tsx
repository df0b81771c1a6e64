// A form's error, announced to screen readers; `id` lets the field point at it (aria-describedby).
export function FieldError({ id, children }: { id?: string; children: string | null | undefined }) {
  if (!children) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {children}
    </p>
  );
}
