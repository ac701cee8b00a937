import { dismissToast, useToasts } from './toast-store';
import './toast.css';

/** Where toasts appear; a polite live region so screen readers read them too. */
export function ToastHost() {
  const toasts = useToasts();
  return (
    <div className="toast-host" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <p key={toast.id} className={`toast toast--${toast.tone}`} data-testid="toast">
          {toast.message}
          {toast.action ? (
            <button
              type="button"
              className="toast__action"
              data-testid="toast-action"
              onClick={() => {
                dismissToast(toast.id);
                toast.action?.onAction();
              }}
            >
              {toast.action.label}
            </button>
          ) : null}
        </p>
      ))}
    </div>
  );
}
