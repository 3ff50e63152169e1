import { describeOnBothEngines } from '../support/demo-app.ts';
import { describeAnalysis } from './analysis.shared.ts';

describeOnBothEngines('analysis API over the demo data', (context) => describeAnalysis(context));
