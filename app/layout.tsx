import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import Link from "next/link";
import { getCurrentUser } from "@/lib/access/get-viewer.server";
import { NavigationFocus } from "@/components/navigation-focus";
import { SiteNav } from "@/components/site-nav";
import { signOutAction } from "./sign-out/actions";
import "./globals.css";

// Self-hosted (OFL, app/fonts/Inter-LICENSE.txt): no font fetch at build or run time.
const inter = localFont({
  src: "./fonts/inter-latin-wght-normal.woff2",
  display: "swap",
  weight: "100 900",
  variable: "--font-sans",
});

export const metadata: Metadata = {
  title: { default: "Lectern — video courses", template: "%s · Lectern" },
  description: "Watch and buy video courses. Free previews, DRM-free downloads.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1e1b4b" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en" className={inter.variable}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="brand" aria-label="Lectern home">
              <span className="brand__mark" aria-hidden="true">
                ▶
              </span>
              Lectern
            </Link>
            <SiteNav user={user ? { name: user.name, role: user.role } : null} signOut={signOutAction} />
          </div>
        </header>
        <main id="main" className="site-main">
          {children}
        </main>
        <NavigationFocus />
        <footer className="site-footer">
          <p>Lectern — open-source video courses. Sample media are generated test patterns.</p>
        </footer>
      </body>
    </html>
  );
}
