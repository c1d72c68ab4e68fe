export { TodayLanding } from './today-landing';
export { TodayScreen } from './today-screen';
