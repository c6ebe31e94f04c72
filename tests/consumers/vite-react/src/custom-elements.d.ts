// JSX typing of the custom element, as a React + TypeScript user writes it.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { SundhedsklyngerDiagram } from 'sundhedsklynger/element';

type DiagramAttributes = DetailedHTMLProps<HTMLAttributes<SundhedsklyngerDiagram>, SundhedsklyngerDiagram> & {
  src?: string;
  region?: string;
  profile?: string;
  view?: 'chart' | 'list';
  theme?: 'light' | 'dark' | 'auto';
  shadow?: 'open' | 'closed';
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'sundhedsklynger-diagram': DiagramAttributes;
    }
  }
}
