// The ways out of a stage, read the way the figures read them: more than 100 %
// is an error on the stage (inspector and card), less leaves buyers stalled.
import { expect, test } from './fixtures';

test('rates out of a stage above 100 % are an error on the stage; below 100 % the rest stalls', async ({ library, editor }) => {
  await library.createWorkshop({ title: 'Rates practice', organisation: 'Initech', template: 'b2b' });
  await editor.selectStage('Compare options');
  await editor.typeInto(editor.outgoingConversion('Build the business case'), '70');
  await editor.typeInto(editor.outgoingConversion('Lost'), '50');
  const tooHigh = editor.stageInspector.getByTestId('rates-too-high');
  await expect(tooHigh).toHaveText('The ways out of this stage add up to 120 %: more than 100 %. Lower one of them.');
  await expect(editor.stage('Compare options').getByRole('alert')).toHaveText('Ways out add up to 120 %');

  await editor.typeInto(editor.outgoingConversion('Lost'), '20');
  await expect(tooHigh).toHaveCount(0);
  await expect(editor.stage('Compare options').getByRole('alert')).toHaveCount(0);
  await expect(editor.stageInspector.getByText('10 % of buyers are not assigned a way out: they count as stalled (no decision).')).toBeVisible();
});
