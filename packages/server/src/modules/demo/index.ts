export { DEMO_USERS, demoCustomerInputs, loadDemo, seededRandom } from './demo';
