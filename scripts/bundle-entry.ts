// The one entry point ncc bundles (scripts/build.mjs): each step of the action is a lazily loaded chunk.
export const steps = {
  main: () => import('../src/action/main.js'),
  post: () => import('../src/action/post.js'),
  plan: () => import('../src/fleet/plan-main.js'),
  summarize: () => import('../src/fleet/summarize.js'),
};
