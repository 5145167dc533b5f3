/** A link to the chapter section that teaches a question, named by the chapter and the section's heading. */
import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {sectionHref, sectionLabel} from '../../quiz/sections';
import type {Locale} from '../../quiz/types';
import {quizStrings} from './strings';
import styles from './styles.module.css';

export default function SectionLink({section, locale}: {section: string; locale: Locale}): ReactNode {
  return (
    <p className={styles.sectionLink}>
      {quizStrings.readSection()} <Link to={sectionHref(section)}>{sectionLabel(section, locale)}</Link>
    </p>
  );
}
