import calendar from './SlotCalendar.module.css';
import times from './TimeList.module.css';

/** The day-and-time picker's shape while its code or the visitor's zone is on the way. */
export function CalendarSkeleton() {
  return (
    <div className={calendar.wrap} aria-busy="true">
      <p className="sr-only" role="status">
        Loading the calendar…
      </p>
      <div className={calendar.picker}>
        <div className={calendar.calendarPane}>
          <div className={calendar.skeletonCalendar} />
        </div>
        <div className={calendar.timesPane}>
          <TimesSkeleton />
        </div>
      </div>
    </div>
  );
}

export function TimesSkeleton() {
  return (
    <div className={times.list} aria-hidden="true">
      <span className={`${times.skeleton} ${times.skeletonHeading}`} />
      <div className={times.times}>
        {Array.from({ length: 9 }, (_, i) => (
          <span key={i} className={`${times.skeleton} ${times.skeletonTime}`} />
        ))}
      </div>
    </div>
  );
}
