/**
 * Mermaid diagrams, drawn only when they come near the viewport. Mermaid is ~180 KB of gzipped
 * JavaScript: loading it with the page would blow the chapter pages' script budget and slow phones,
 * while most readers meet the first diagram only after a screen or two of text.
 */
import {useEffect, useRef, useState, type ReactNode} from 'react';
import OriginalMermaid from '@theme-original/Mermaid';
import type MermaidType from '@theme/Mermaid';
import type {WrapperProps} from '@docusaurus/types';
import {translate} from '@docusaurus/Translate';
import styles from './styles.module.css';

type Props = WrapperProps<typeof MermaidType>;

export default function Mermaid(props: Props): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: '400px 0px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, []);

  if (near) return <OriginalMermaid {...props} />;
  return (
    <div ref={ref} className={styles.placeholder} role="img" aria-label={translate({id: 'mermaid.loading', message: '다이어그램'})}>
      <span className={styles.hint}>{translate({id: 'mermaid.hint', message: '다이어그램을 불러오는 중…'})}</span>
    </div>
  );
}
