export { TodayLanding } from './today-landing';
