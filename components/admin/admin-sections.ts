/** The admin's sections, in navigation order (the nav and the /admin home list the same). */
export const ADMIN_SECTIONS = [
  { href: "/admin/courses", label: "Courses", blurb: "Create courses, edit their details and price, publish, and arrange parts and segments." },
  { href: "/admin/jobs", label: "Uploads & jobs", blurb: "Upload source videos and captions; follow and retry transcode jobs." },
  { href: "/admin/coupons", label: "Coupons", blurb: "Create and disable discount codes; see the orders that used them." },
  { href: "/admin/organisations", label: "Organisations", blurb: "Licence courses to organisations by e-mail domain, and set up their single sign-on." },
  { href: "/admin/orders", label: "Orders", blurb: "Find an order by e-mail or number, look at it, refund it." },
  { href: "/admin/sales", label: "Sales", blurb: "Revenue and orders per day for the last 30 days, and per course." },
  { href: "/admin/audit", label: "Audit log", blurb: "Every change made in the admin: who, what, when, before and after." },
] as const;
