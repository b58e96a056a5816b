"""What the REST API and the web UI share at the HTTP edge."""

from pursuit.http.guard import LOOPBACK_HOSTS, CrossSiteGuard, allowed_hosts_for

__all__ = ["LOOPBACK_HOSTS", "CrossSiteGuard", "allowed_hosts_for"]
