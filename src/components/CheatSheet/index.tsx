import type {ReactNode} from 'react';
import styles from './styles.module.css';

/**
 * The printable cheat sheet's frame (docs/cheatsheet.mdx). On screen it is plain page content; its stylesheet holds
 * the print rules that fit the sheet on one page (smaller type, the site's navigation left out).
 */
export default function CheatSheet({children}: {children: ReactNode}): ReactNode {
  return <div className={styles.sheet}>{children}</div>;
}
