export type { Topic } from './topic.ts'
export { type TopicInput, type TopicPatch, topicInputSchema, topicPatchSchema } from './topic-inputs.ts'
export { TOPIC_STARTERS, type TopicStarter } from './topic-starters.ts'
export { createTopics, type Topics } from './topics.ts'
