/** Command, view and context-key names of the guide features (issue 9 contracts). */
export const SHOW_FINDINGS_COMMAND = 'aisec.showFindings';
export const FINDINGS_VIEW = 'aisec.findings';
export const OPEN_PRACTICE_COMMAND = 'aisec.openPracticeWorkspace';
export const SET_LEARNING_MODE_COMMAND = 'aisec.setLearningMode';
export const SHOW_LESSON_COMMAND = 'aisec.showLesson';
export const START_EXERCISE_COMMAND = 'aisec.exercises.start';
export const APPLY_GUIDED_FIX_COMMAND = 'aisec.applyGuidedFix';
export const EXPLAIN_FIX_COMMAND = 'aisec.explainFix';
export const OPEN_LEARNING_TEMPLATE_COMMAND = 'aisec.openLearningTemplate';
export const OPEN_TEAM_PACK_DOCS_COMMAND = 'aisec.openTeamPackDocs';
export const WALKTHROUGH_ID = 'aisec.aisec#aisec.getStarted';
/** Context keys. */
export const CTX_HAS_FINDINGS = 'aisec.hasFindings';
export const CTX_FIX_APPLIED = 'aisec.fixApplied';
export const CTX_HAS_LEARNING_PATH = 'aisec.hasLearningPath';
