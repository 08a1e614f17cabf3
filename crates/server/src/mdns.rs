//! Telling the local network a class server is here: an mDNS-SD service (`_satchel._tcp`)
//! named by the teacher, so students' apps list it without anyone typing an address.
//! Where multicast is blocked nothing is found, and students type the address instead.

use mdns_sd::{ServiceDaemon, ServiceInfo};
use satchel_types::CLASS_SERVICE;

#[derive(Debug, thiserror::Error)]
#[error("could not advertise on the local network: {0}")]
pub struct AdvertiseError(String);

/// The advertisement, withdrawn when dropped.
pub struct Advertisement {
    daemon: ServiceDaemon,
    fullname: String,
}

/// Advertises a server listening on `port`, under `name`, on every interface's
/// addresses.
pub fn advertise(name: &str, port: u16) -> Result<Advertisement, AdvertiseError> {
    let err = |e: mdns_sd::Error| AdvertiseError(e.to_string());
    let daemon = ServiceDaemon::new().map_err(err)?;
    let host = format!(
        "satchel-{}.local.",
        uuid::Uuid::now_v7()
            .simple()
            .to_string()
            .get(20..)
            .unwrap_or("server")
    );
    // mDNS instance names are at most 63 bytes.
    let mut instance: String = name.trim().chars().filter(|c| !c.is_control()).collect();
    while instance.len() > 63 {
        instance.pop();
    }
    if instance.is_empty() {
        instance = "Satchel class".into();
    }
    let info = ServiceInfo::new(
        CLASS_SERVICE,
        &instance,
        &host,
        "",
        port,
        &[("v", "1"), ("path", "/")][..],
    )
    .map_err(err)?
    .enable_addr_auto();
    let fullname = info.get_fullname().to_owned();
    daemon.register(info).map_err(err)?;
    Ok(Advertisement { daemon, fullname })
}

impl Drop for Advertisement {
    fn drop(&mut self) {
        // Tells listeners it is gone (best effort: the network may be down already).
        if let Ok(done) = self.daemon.unregister(&self.fullname) {
            let _ = done.recv_timeout(std::time::Duration::from_secs(1));
        }
        let _ = self.daemon.shutdown();
    }
}
