import { Link, type LinkProps } from 'react-router';
import { buttonClass, type ButtonVariant } from './Button';
import './button.css';

interface ButtonLinkProps extends LinkProps {
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
  block?: boolean;
}

/** A link that looks like a button, for navigation (a real <a>, so it opens in new tabs). */
export function ButtonLink({ variant = 'secondary', size = 'normal', block = false, className, ...rest }: ButtonLinkProps) {
  return <Link className={[buttonClass(variant, size, block), className].filter(Boolean).join(' ')} {...rest} />;
}
