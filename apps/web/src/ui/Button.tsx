import type { ButtonHTMLAttributes } from 'react';
import './button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'link' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
  block?: boolean;
}

export function buttonClass(variant: ButtonVariant, size: 'normal' | 'small' = 'normal', block = false): string {
  return ['btn', `btn--${variant}`, size === 'small' && 'btn--small', block && 'btn--block'].filter(Boolean).join(' ');
}

export function Button({ variant = 'primary', size = 'normal', block = false, className, type, ...rest }: ButtonProps) {
  return <button type={type ?? 'button'} className={[buttonClass(variant, size, block), className].filter(Boolean).join(' ')} {...rest} />;
}
