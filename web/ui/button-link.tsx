import { createLink } from '@tanstack/react-router';
import Button, { type ButtonProps } from 'antd/es/button';
import { forwardRef } from 'react';

// The router's Link drops a `type` prop, so the primary look is asked for with `primary`.
type AnchorButtonProps = Omit<ButtonProps, 'type' | 'htmlType'> & { primary?: boolean };

const AntdAnchorButton = forwardRef<HTMLAnchorElement, AnchorButtonProps>(({ primary, ...props }, ref) => (
  <Button {...props} type={primary ? 'primary' : 'default'} ref={ref as never} />
));
AntdAnchorButton.displayName = 'AntdAnchorButton';

/** A router link that looks like an antd button (a real <a>, so it opens in a new tab too). */
export const ButtonLink = createLink(AntdAnchorButton);
