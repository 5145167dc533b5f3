/** The room the playground's live part takes (settings, toolbar, a default program's editor), while it loads. */
import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import styles from './styles.module.css';

export default function Placeholder(): ReactNode {
  return (
    <div className={styles.placeholder} aria-busy="true">
      <p role="status" className={styles.loading}>
        {translate({id: 'playground.loading', message: '놀이터를 불러오는 중이에요…'})}
      </p>
    </div>
  );
}
