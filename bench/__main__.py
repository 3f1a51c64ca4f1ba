"""Run every benchmark and print its figures."""

from bench import crawl_offline

if __name__ == "__main__":
    crawl_offline.main()
