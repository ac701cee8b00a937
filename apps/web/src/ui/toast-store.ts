import { useSyncExternalStore } from 'react';

export interface ToastAction {
  label: string;
  onAction: () => void;
}

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  /** One button beside the message, e.g. Undo; pressing it dismisses the toast. */
  action?: ToastAction;
}

// One queue for the whole page: any screen can say "Link copied" without a provider.
let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

export function showToast(message: string, tone: Toast['tone'] = 'info', durationMs = 3000, action?: ToastAction): void {
  const toast: Toast = { id: nextId++, message, tone, ...(action ? { action } : {}) };
  toasts = [...toasts.slice(-2), toast];
  emit();
  setTimeout(() => {
    toasts = toasts.filter((t) => t.id !== toast.id);
    emit();
  }, durationMs);
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function useToasts(): Toast[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
  );
}
