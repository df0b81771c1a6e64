// A modal dialog: focus moves in and is trapped, Escape closes, focus returns to the opener.
// (Our own rather than <dialog>.showModal(), which jsdom lacks; the ARIA is the same.) Keys are
// handled on the document so they still work when the focused element inside was removed.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Destructive dialogs get a red accent. */
  tone?: 'danger';
}

export function Modal({ title, onClose, children, tone }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // The latest onClose, without re-running the effect below on every render.
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const node = ref.current;
    const first = node?.querySelector<HTMLElement>('[data-autofocus]') ?? node?.querySelector<HTMLElement>(FOCUSABLE) ?? node;
    first?.focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (!node) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        closeRef.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = [...node.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const [head, tail] = [items[0], items[items.length - 1]];
      if (!head || !tail) return;
      const inside = node.contains(document.activeElement);
      if (!inside || (event.shiftKey && document.activeElement === head)) {
        event.preventDefault();
        (event.shiftKey ? tail : head).focus();
      } else if (!event.shiftKey && document.activeElement === tail) {
        event.preventDefault();
        head.focus();
      }
    };
    // Capture phase: the dialog sees Escape before any panel behind it does.
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      opener?.focus();
    };
  }, []);

  return createPortal(
    <div className="modal-backdrop">
      <div ref={ref} className={`modal ${tone === 'danger' ? 'modal-danger' : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
