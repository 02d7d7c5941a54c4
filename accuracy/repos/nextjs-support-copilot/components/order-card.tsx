type Order = {
  id: string;
  status: string;
  total: string;
  items: { sku: string; name: string; qty: number }[];
  shippingAddress: string;
  trackingNumber: string | null;
};

export function OrderCard({ order }: { order: Order }) {
  return (
    <div className="order-card" data-testid="order-card">
      <div className="order-card-header">
        <strong>{order.id}</strong> <span className={`status status-${order.status}`}>{order.status}</span>
        <span className="total">{order.total}</span>
      </div>
      <ul>
        {order.items.map((it) => (
          <li key={it.sku}>
            {it.qty} x {it.name}
          </li>
        ))}
      </ul>
      {order.trackingNumber ? (
        <a href={`https://tracking.example-carrier.com/?n=${encodeURIComponent(order.trackingNumber)}`} target="_blank" rel="noopener noreferrer">
          Track package
        </a>
      ) : null}
    </div>
  );
}
