import { describeDemoFigures } from './demo-figures.shared.ts';
import { describeOnBothEngines } from './support/demo-app.ts';

describeOnBothEngines('demo data reproduces the published figures', (context) =>
  describeDemoFigures(() => context().app),
);
